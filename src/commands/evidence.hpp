#pragma once

// Receipt files as several commands handle them: `add --attach` and `receipt add` take them
// in, `receipt verify` and `doctor` re-hash them.

#include "commands/context.hpp"
#include "core/model.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cancelog::storage {
class Change;
}

namespace cancelog::commands {

// A file named on the command line, checked and ready to be stored.
struct ReceiptInput {
  std::filesystem::path path;
  std::string name; // the base name, as stored
};

// Checks files before anything is written: each is a readable, non-empty regular file within
// the setting receipt.max-size, with a usable name that the case (`existing`) and the other
// files do not already use. Throws InputError naming the file.
std::vector<ReceiptInput> check_receipt_inputs(Context& ctx, const std::vector<std::string>& paths,
                                               const std::vector<core::ReceiptFile>& existing);

// Reads, hashes and stores checked files in the change, and ticks receipt-kept. A file that
// changed since it was checked (grew past the limit, vanished) throws, so the change rolls back.
std::vector<core::ReceiptFile> store_receipt_inputs(Context& ctx, storage::Change& change,
                                                    std::int64_t case_id,
                                                    const std::vector<ReceiptInput>& inputs);

// A stored receipt file, hashed again.
struct ReceiptCheck {
  core::ReceiptFile file;
  std::string actual_sha256;
  std::int64_t actual_size = 0;
  [[nodiscard]] bool ok() const { return actual_sha256 == file.sha256 && actual_size == file.size; }
};

// Re-hashes every stored receipt file, one at a time, and passes each result to `visit`.
void verify_receipts(Context& ctx, const std::function<void(const ReceiptCheck&)>& visit);

// One line for a file whose bytes no longer match: case, name, and what differs.
std::string describe_mismatch(const ReceiptCheck& check);

} // namespace cancelog::commands
