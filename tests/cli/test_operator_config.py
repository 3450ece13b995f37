"""cancelog operator and config."""


def test_seeded_operators(cl):
    ops = {o["name"]: o for o in cl.json("operator", "list")}
    assert set(ops) == {"Azercell", "Bakcell", "Nar"}
    assert ops["Azercell"]["hotline"] == "*1111" and ops["Azercell"]["website"] == "azercell.com"
    assert ops["Bakcell"]["hotline"] == "555" and ops["Bakcell"]["website"] == "bakcell.com"
    assert ops["Nar"]["website"] == "nar.az"
    assert ops["Azercell"]["prefixes"] == ["+99410", "+99450", "+99451"]
    assert ops["Bakcell"]["prefixes"] == ["+99455", "+99499"]
    assert ops["Nar"]["prefixes"] == ["+99470", "+99477"]
    all_prefixes = [p for o in ops.values() for p in o["prefixes"]]
    assert "+99460" not in all_prefixes  # Naxtel closed; no hint


def test_add_operator_with_prefix_then_infer(cl):
    cl.ok("operator", "add", "Magti", "--country", "ge", "--hotline", "570", "--prefix",
          "+99559")
    op = next(o for o in cl.json("operator", "list") if o["name"] == "Magti")
    assert op["country"] == "GE" and op["prefixes"] == ["+99559"]
    c = cl.json("add", "+995591234567", "--channel", "store", "--receipt", "G-1")
    assert c["operator"] == "Magti" and c["operator_inferred"] is True


def test_edit_operator_and_rename_keeps_cases(cl):
    cl.ok("add", "0701234567", "--channel", "store", "--receipt", "N-1")
    cl.ok("operator", "edit", "nar", "--hotline", "777", "--name", "Nar Mobile")
    assert cl.json("list")[0]["operator"] == "Nar Mobile"
    op = next(o for o in cl.json("operator", "list") if o["name"] == "Nar Mobile")
    assert op["hotline"] == "777"
    cl.ok("operator", "edit", "Nar Mobile", "--drop-prefix", "+99477")
    op = next(o for o in cl.json("operator", "list") if o["name"] == "Nar Mobile")
    assert op["prefixes"] == ["+99470"]
    r = cl.ok("operator", "edit", "Nar Mobile")
    assert "unchanged" in r.out


def test_config_defaults_set_get_unset(cl):
    settings = {s["key"]: s for s in cl.json("config", "list")}
    assert settings["default-region"]["value"] == "AZ"
    assert settings["remind.first.store"]["value"] == "3d"
    assert settings["remind.first.phone"]["value"] == "1d"
    assert settings["remind.after.pending"]["value"] == "3d"
    assert settings["remind.after.action-needed"]["value"] == "1d"
    assert settings["remind.after.no-answer"]["value"] == "1d"
    assert cl.ok("config", "set", "remind.first.online", "5D").out == "remind.first.online = 5d\n"
    assert cl.ok("config", "get", "remind.first.online").out == "5d\n"
    assert cl.ok("config", "set", "remind.first.online", "2w").out.endswith("2w\n")
    c = cl.json("add", "0501234567", "--channel", "online", "--receipt", "R")
    assert c["next_check_on"] == "2026-03-18"
    cl.ok("config", "unset", "remind.first.online")
    assert cl.ok("config", "get", "remind.first.online").out == "3d\n"


def test_default_region_reads_numbers_without_plus(cl):
    cl.ok("operator", "add", "Magti", "--country", "GE", "--prefix", "+99559")
    cl.ok("config", "set", "default-region", "ge")
    c = cl.json("add", "591 23 45 67", "--channel", "store", "--receipt", "R")
    assert c["number"] == "+995591234567"


def test_changes_are_in_the_history(cl):
    cl.ok("config", "set", "remind.first.store", "4d")
    cl.ok("operator", "add", "Magti")
    kinds = [e[0] for e in cl.sql("SELECT kind FROM events ORDER BY id")]
    assert kinds == ["setting.set", "operator.add"]
