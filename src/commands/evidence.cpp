#include "commands/evidence.hpp"

#include "commands/common.hpp"
#include "core/settings.hpp"
#include "storage/store.hpp"
#include "util/digest.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/media.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace cancelog::commands {

namespace fs = std::filesystem;

namespace {

// The largest receipt file accepted: the setting, within what SQLite can hold in one value.
std::int64_t receipt_size_limit(Context& ctx) {
  auto limit = core::parse_size(ctx.settings().get(core::setting::receipt_max_size));
  if (!limit) { // a value stored by hand that does not parse: the default
    limit = core::parse_size(core::find_setting(core::setting::receipt_max_size)->default_value);
  }
  return std::min(*limit, ctx.store().largest_value());
}

[[noreturn]] void refuse_too_large(const fs::path& path, std::int64_t size, std::int64_t limit) {
  throw InputError(util::trf("{} is {} ({} bytes), over the limit of {} for one receipt file; "
                             "nothing was stored; if it belongs in the record, raise the limit "
                             "with 'cancelog config set receipt.max-size SIZE'",
                             util::quote(path.string()), core::format_size(size), size,
                             core::format_size(limit)));
}

// Reads a whole file that must not exceed `limit` bytes (it may have grown since it was
// checked).
std::string read_receipt_bytes(const fs::path& path, std::int64_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(
        util::trf("cannot read {}: {}", util::quote(path.string()), std::strerror(errno)));
  }
  std::string bytes;
  std::array<char, 64 * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (static_cast<std::int64_t>(bytes.size()) > limit) {
      refuse_too_large(path, static_cast<std::int64_t>(bytes.size()), limit);
    }
  }
  if (in.bad()) {
    throw Error(util::trf("cannot read {}: the read failed; nothing was stored",
                          util::quote(path.string())));
  }
  return bytes;
}

} // namespace

std::vector<ReceiptInput> check_receipt_inputs(Context& ctx, const std::vector<std::string>& paths,
                                               const std::vector<core::ReceiptFile>& existing) {
  std::vector<ReceiptInput> out;
  if (paths.empty()) {
    return out;
  }
  const std::int64_t limit = receipt_size_limit(ctx);
  for (const auto& text : paths) {
    const fs::path path(text);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
      throw InputError(util::trf("{}: no such file", util::quote(text)));
    }
    if (fs::is_directory(status)) {
      throw InputError(
          util::trf("{} is a folder; name the receipt files themselves", util::quote(text)));
    }
    if (!fs::is_regular_file(status)) {
      throw InputError(
          util::trf("{} is not a regular file; save it to a file first", util::quote(text)));
    }
    const auto size = static_cast<std::int64_t>(fs::file_size(path, ec));
    if (ec) {
      throw InputError(util::trf("cannot read {}: {}", util::quote(text), ec.message()));
    }
    if (size == 0) {
      throw InputError(util::trf("{} is empty; there is nothing to keep", util::quote(text)));
    }
    if (size > limit) {
      refuse_too_large(path, size, limit);
    }
    if (!std::ifstream(path, std::ios::binary)) {
      throw InputError(util::trf("cannot read {}: {}", util::quote(text), std::strerror(errno)));
    }
    ReceiptInput input{path, path.filename().string()};
    if (!util::is_valid_utf8(input.name) || util::has_control_chars(input.name) ||
        input.name.find('\n') != std::string::npos) {
      throw InputError(util::trf("the file name {} is not plain UTF-8 text; rename the file",
                                 util::quote(input.name)));
    }
    if (std::any_of(existing.begin(), existing.end(),
                    [&](const core::ReceiptFile& f) { return f.name == input.name; })) {
      throw InputError(util::trf("the case already keeps a file named {}; rename the file to "
                                 "keep both ('cancelog receipt list' shows the files)",
                                 util::quote(input.name)));
    }
    if (std::any_of(out.begin(), out.end(),
                    [&](const ReceiptInput& other) { return other.name == input.name; })) {
      throw InputError(
          util::trf("two of the files are named {}; rename one of them", util::quote(input.name)));
    }
    out.push_back(std::move(input));
  }
  return out;
}

std::vector<core::ReceiptFile> store_receipt_inputs(Context& ctx, storage::Change& change,
                                                    std::int64_t case_id,
                                                    const std::vector<ReceiptInput>& inputs) {
  std::vector<core::ReceiptFile> stored;
  if (inputs.empty()) {
    return stored;
  }
  const std::int64_t limit = receipt_size_limit(ctx);
  auto& store = ctx.store();
  for (const auto& input : inputs) {
    const std::string bytes = read_receipt_bytes(input.path, limit);
    if (bytes.empty()) {
      throw InputError(
          util::trf("{} is empty; there is nothing to keep", util::quote(input.path.string())));
    }
    core::ReceiptFile file;
    file.case_id = case_id;
    file.name = input.name;
    file.media_type = util::media_type(bytes);
    file.sha256 = util::sha256_hex(bytes);
    store.insert_receipt_file(change, file, bytes);
    stored.push_back(std::move(file));
  }
  store.tick(change, case_id, core::ChecklistItem::receipt_kept);
  return stored;
}

void verify_receipts(Context& ctx, const std::function<void(const ReceiptCheck&)>& visit) {
  auto& store = ctx.store();
  store.for_each_receipt_file([&](const core::ReceiptFile& file) {
    util::Sha256 digest;
    ReceiptCheck check{file, {}, 0};
    store.read_receipt_content(file.id, [&](std::string_view piece) {
      digest.update(piece);
      check.actual_size += static_cast<std::int64_t>(piece.size());
    });
    check.actual_sha256 = digest.hex();
    visit(check);
  });
}

std::string describe_mismatch(const ReceiptCheck& check) {
  const auto& f = check.file;
  if (check.actual_size != f.size) {
    return util::trf("case {}, file {}: {} bytes recorded, {} stored now; the file was altered "
                     "after it was added",
                     f.case_id, util::quote(f.name), f.size, check.actual_size);
  }
  return util::trf("case {}, file {}: SHA-256 recorded {}, the stored bytes now give {}; the "
                   "file was altered after it was added",
                   f.case_id, util::quote(f.name), f.sha256, check.actual_sha256);
}

} // namespace cancelog::commands
