"""cancelog export --format ics: read back with a real iCalendar parser (python3-icalendar)."""
import datetime
import os
import stat

import icalendar
import pytest

from conftest import assert_one_error_line


@pytest.fixture
def cases(cl):
    """1 open (Azercell, 2026-03-04), 2 open (Bakcell, 2026-03-05 after a pending check),
    3 withdrawn, 4 confirmed prepaid (no check left), 5 confirmed postpaid (final bill on
    2026-04-07), 6 open at an operator with a Cyrillic name and a long, punctuated receipt."""
    cl.at("2026-03-01T08:00:00Z")
    cl.ok("add", "0501234567", "--channel", "store", "--receipt", "AZC-778812")
    cl.ok("add", "0551234567", "--channel", "online", "--receipt", "BK-1")
    cl.ok("add", "0701234567", "--channel", "store", "--receipt", "N-1")
    cl.ok("withdraw", "3")
    cl.ok("add", "0771234567", "--channel", "phone", "--receipt", "N-2")
    cl.ok("add", "0991234567", "--channel", "phone", "--card", "postpaid", "--receipt", "B-5")
    cl.ok("operator", "add", "Связь Плюс", "--hotline", "+7 800 555-35-35")
    cl.ok("add", "+79161234567", "--operator", "Связь Плюс", "--channel", "other",
          "--receipt", "Квитанция №42; отделение «Тверская», окно 3, сотрудник Ахмедова")
    cl.at("2026-03-02T08:00:00Z")
    cl.ok("check", "2", "--outcome", "pending", "--next", "2026-03-05")
    cl.at("2026-03-03T08:00:00Z")
    cl.ok("check", "4", "--outcome", "confirmed")
    cl.ok("check", "5", "--outcome", "confirmed")
    cl.at("2026-03-04T10:00:00Z")
    return cl


def export(cl, *args):
    """The bytes written to standard output (a bytes input keeps CRLF as it is)."""
    return cl.run("export", "--format", "ics", *args, input=b"", expect=0).raw_out


def ics_bytes(cl, *args):
    """The exact bytes (CRLF and all), through a file."""
    target = cl.home / "checks.ics"
    cl.ok("export", "--format", "ics", "-o", target, *args)
    return target.read_bytes()


def events(data):
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk("VEVENT")]


def by_uid(data):
    return {str(e["UID"]): e for e in events(data)}


def uuid_of(cl, case):
    return cl.json("show", case)["uuid"]


def test_one_all_day_event_per_case_with_a_next_check(cases):
    data = ics_bytes(cases)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//cancelog//cancelog ")
    found = by_uid(data)
    expected = {f"{uuid_of(cases, c)}@cancelog": c for c in ("1", "2", "5", "6")}
    assert set(found) == set(expected)  # not the withdrawn nor the confirmed prepaid line
    days = {expected[uid]: e.decoded("DTSTART") for uid, e in found.items()}
    assert days == {"1": datetime.date(2026, 3, 4), "2": datetime.date(2026, 3, 5),
                    "5": datetime.date(2026, 4, 7), "6": datetime.date(2026, 3, 4)}
    for e in found.values():
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is datetime.date and type(end) is datetime.date  # all-day
        assert end == start + datetime.timedelta(days=1)
        assert e.decoded("DTSTAMP") == datetime.datetime(2026, 3, 4, 10, 0,
                                                         tzinfo=datetime.timezone.utc)
        alarms = e.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == datetime.timedelta(hours=9)
        assert str(e["TRANSP"]) == "TRANSPARENT"


def test_summary_and_description(cases):
    found = {uid.split("@")[0]: e for uid, e in by_uid(ics_bytes(cases)).items()}
    first = found[uuid_of(cases, "1")]
    assert str(first["SUMMARY"]) == "Check the cancellation of +994 50 123 45 67 (Azercell)"
    text = str(first["DESCRIPTION"])
    assert text.splitlines()[:4] == [
        "Case 1: +994 50 123 45 67, Azercell, requested on 2026-03-01 (store), now requested.",
        "Receipt reference: AZC-778812", "Hotline: *1111", "Website: azercell.com"]
    assert "have the receipt reference AZC-778812 ready" in text
    assert "cancelog check 1 --outcome OUTCOME" in text
    bill = found[uuid_of(cases, "5")]
    assert str(bill["SUMMARY"]) == "Check the final bill of +994 99 123 45 67 (Bakcell)"
    assert "cancelog tick 5 final-bill-settled" in str(bill["DESCRIPTION"])
    # Non-ASCII text, commas and semicolons come back exactly.
    other = found[uuid_of(cases, "6")]
    assert str(other["SUMMARY"]) == "Check the cancellation of +7 916 123-45-67 (Связь Плюс)"
    assert ("Receipt reference: Квитанция №42; отделение «Тверская», окно 3, сотрудник Ахмедова"
            in str(other["DESCRIPTION"]))
    assert "Hotline: +7 800 555-35-35" in str(other["DESCRIPTION"])


def test_crlf_lines_folded_at_75_octets(cases):
    data = ics_bytes(cases)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded
    for line in lines:
        line.decode("utf-8")  # no character split between two lines


def test_exporting_twice_gives_the_same_uids(cases):
    first = by_uid(ics_bytes(cases))
    cases.at("2026-03-05T10:00:00Z")
    cases.ok("snooze", "1", "+2d")
    second = by_uid(ics_bytes(cases))
    assert set(first) == set(second)
    uid = f"{uuid_of(cases, '1')}@cancelog"
    assert second[uid].decoded("DTSTART") == datetime.date(2026, 3, 7)  # the event moved
    assert second[uid].decoded("LAST-MODIFIED") > first[uid].decoded("LAST-MODIFIED")
    # A check that closes a case takes its event away.
    cases.ok("check", "2", "--outcome", "confirmed")
    assert uid in by_uid(ics_bytes(cases))
    assert f"{uuid_of(cases, '2')}@cancelog" not in by_uid(ics_bytes(cases))


def test_the_filters_of_the_other_exports(cases):
    assert len(events(export(cases, "--operator", "Bakcell"))) == 2  # 2 and the final bill of 5
    assert len(events(export(cases, "--status", "open"))) == 3
    assert len(events(export(cases, "--due"))) == 2  # the checks of today: 1 and 6
    assert len(events(export(cases, "--number", "0501234567"))) == 1
    assert len(events(export(cases, "--status", "withdrawn"))) == 0


def test_output_file_by_extension_private_with_a_summary(cases):
    target = cases.home / "calendar.ics"
    r = cases.ok("export", "-o", target)
    assert r.out == f"Exported 4 checks to the calendar '{target}'.\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert len(events(target.read_bytes())) == 4


def test_mask_hides_the_middle_digits(cases):
    data = export(cases, "--mask")
    assert b"123 45 67" not in data and b"1234567" not in data
    assert any(str(e["SUMMARY"]).endswith("+99450***4567 (Azercell)") for e in events(data))


def test_an_empty_calendar(cl):
    data = export(cl)
    version = cl.ok("--version").out.split()[1]
    assert data.split(b"\r\n") == [b"BEGIN:VCALENDAR", b"VERSION:2.0",
                                    f"PRODID:-//cancelog//cancelog {version}//EN".encode(),
                                    b"CALSCALE:GREGORIAN", b"METHOD:PUBLISH", b"END:VCALENDAR", b""]
    assert events(data) == []


@pytest.mark.parametrize("args,words", [
    (["--what", "checks"], "a calendar holds the next check of each case"),
    (["--what", "all"], "a calendar holds"),
    (["--raw"], "--raw applies to CSV only"),
    (["--status", "finished"], "--status"),
])
def test_bad_options(cases, args, words):
    before = cases.dump()
    r = cases.run("export", "--format", "ics", *args)
    assert_one_error_line(r, 2)
    assert words in r.err
    assert cases.dump() == before
