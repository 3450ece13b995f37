# Turns schema/NNNN_name.sql files into a C++ source holding them as raw string literals, in
# order, so that the binary carries its own schema. Run with -DOUTPUT=... -DINPUTS="a;b;...".
set(body "")
set(count 0)
foreach(input IN LISTS INPUTS)
  file(READ ${input} sql)
  get_filename_component(name ${input} NAME)
  string(FIND "${sql}" ")cancelog_sql\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the raw string delimiter")
  endif()
  string(APPEND body "    {\"${name}\", R\"cancelog_sql(${sql})cancelog_sql\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
file(
  WRITE ${OUTPUT}.tmp
  "// Generated from schema/*.sql by cmake/embed_schema.cmake; do not edit.\n"
  "#include \"storage/schema.hpp\"\n\n"
  "namespace cancelog::storage {\n\n"
  "namespace {\nconst Migration k_list[${count}] = {\n${body}};\n} // namespace\n\n"
  "const std::span<const Migration> k_migrations{k_list};\n\n"
  "} // namespace cancelog::storage\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
