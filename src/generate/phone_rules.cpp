// Build-time tool: writes the header build/<kind>/generated/phone_rules_generated.hpp, which holds
// the validation metadata of libphonenumber (the library installed when cancelog is built) for the
// calling codes that core/phone_rules.cpp validates without loading the library.
//
//   cancelog-phone-rules OUTPUT CALLING_CODE...
//
// libphonenumber keeps its metadata as one serialized protobuf message, a
// PhoneMetadataCollection, compiled into the library; metadata_get() and metadata_size()
// return it. They are exported, but their header (metadata.h) is not installed: they are
// declared here as the library defines them. The tool copies, for each calling code (which
// must belong to one region), the patterns and lengths that PhoneNumberUtil's
// IsPossibleNumberWithReason and IsValidNumber read: the general description and every
// number type. tests/unit/test_phone.cpp checks the result against the library itself.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <phonenumbers/phonemetadata.pb.h>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
} // namespace i18n::phonenumbers

namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "cancelog-phone-rules: %s\n", message.c_str());
  std::exit(1);
}

// A pattern as a C++ raw string literal (the patterns hold backslashes and quotes of no kind
// that would end one).
std::string literal(const std::string& pattern) {
  if (pattern.find(")re\"") != std::string::npos) {
    fail("a pattern holds the raw string's delimiter: " + pattern);
  }
  return "R\"re(" + pattern + ")re\"";
}

// Lengths as a bit set (bit n: n digits), the form core/phone_rules.hpp reads; -1 ("no
// number of this type") is left out, which gives the empty set.
std::string length_set(const google::protobuf::RepeatedField<int>& values) {
  unsigned long bits = 0;
  for (const int n : values) {
    if (n >= 32) {
      fail("a possible length of " + std::to_string(n) + " digits");
    }
    if (n > 0) {
      bits |= 1UL << n;
    }
  }
  char text[16];
  std::snprintf(text, sizeof text, "0x%05lx", bits);
  return text;
}

// The number types that PhoneNumberUtil::GetNumberTypeHelper tries. A number is valid when
// one of them matches, whichever: mobile and fixed line come first, as the ones most numbers
// match (each pattern is compiled when first tried).
std::vector<std::pair<const char*, const PhoneNumberDesc*>> types_of(const PhoneMetadata& m) {
  return {{"mobile", &m.mobile()},
          {"fixed_line", &m.fixed_line()},
          {"premium_rate", &m.premium_rate()},
          {"toll_free", &m.toll_free()},
          {"shared_cost", &m.shared_cost()},
          {"voip", &m.voip()},
          {"personal_number", &m.personal_number()},
          {"pager", &m.pager()},
          {"uan", &m.uan()},
          {"voicemail", &m.voicemail()}};
}

// The number types of a region, as an array named k_types_<calling code>.
void write_types(std::ostream& out, const PhoneMetadata& m) {
  out << "inline constexpr TypeRule k_types_" << m.country_code() << "[] = {\n";
  for (const auto& [name, desc] : types_of(m)) {
    if (name == std::string("mobile") && m.same_mobile_and_fixed_line_pattern()) {
      continue; // GetNumberTypeHelper does not look at it then
    }
    // A type the region does not have: possible lengths [-1], which no number has.
    if (desc->possible_length_size() == 1 && desc->possible_length(0) == -1) {
      continue;
    }
    // No possible lengths: the general ones apply, and IsNumberMatchingDesc checks none.
    out << "    {\"" << name << "\", " << length_set(desc->possible_length()) << ", "
        << (desc->has_national_number_pattern() ? "true" : "false") << ", "
        << literal(desc->national_number_pattern()) << "},\n";
  }
  out << "};\n\n";
}

void write_region(std::ostream& out, const PhoneMetadata& m) {
  const PhoneNumberDesc& general = m.general_desc();
  if (general.possible_length_size() == 0 || general.possible_length(0) < 1) {
    fail("region " + m.id() + " has no possible lengths");
  }
  if (!general.has_national_number_pattern()) {
    fail("region " + m.id() + " has no general pattern");
  }
  out << "    {" << m.country_code() << ", \"" << m.id() << "\", "
      << length_set(general.possible_length()) << ", "
      << length_set(general.possible_length_local_only()) << ",\n     "
      << literal(general.national_number_pattern()) << ", k_types_" << m.country_code() << "},\n";
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fail("usage: cancelog-phone-rules OUTPUT CALLING_CODE...");
  }
  PhoneMetadataCollection collection;
  if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                 i18n::phonenumbers::metadata_size())) {
    fail("libphonenumber's metadata could not be read");
  }
  std::ostringstream out;
  out << "// Generated when cancelog is built, by src/generate/phone_rules.cpp, from the metadata\n"
         "// of the libphonenumber it was built with. Do not edit.\n"
         "#pragma once\n\n"
         "#include \"core/phone_rules.hpp\"\n\n"
         "namespace cancelog::core::phone_rules {\n\n";
  std::vector<const PhoneMetadata*> regions;
  for (int i = 2; i < argc; ++i) {
    const int code = std::atoi(argv[i]);
    const PhoneMetadata* found = nullptr;
    for (const PhoneMetadata& m : collection.metadata()) {
      if (m.country_code() != code) {
        continue;
      }
      if (found != nullptr) {
        fail("calling code " + std::string(argv[i]) + " belongs to more than one region");
      }
      found = &m;
    }
    if (found == nullptr) {
      fail("libphonenumber knows no calling code " + std::string(argv[i]));
    }
    regions.push_back(found);
    write_types(out, *found);
  }
  out << "inline constexpr Region k_regions[] = {\n";
  for (const PhoneMetadata* m : regions) {
    write_region(out, *m);
  }
  out << "};\n\n} // namespace cancelog::core::phone_rules\n";
  std::ofstream file(argv[1]);
  file << out.str();
  file.close();
  if (!file) {
    fail(std::string("cannot write ") + argv[1]);
  }
  return 0;
}
