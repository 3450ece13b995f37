# bash completion for cancelog                                    -*- shell-script -*-
#
# Installed as share/bash-completion/completions/cancelog (bash-completion loads it on the
# first TAB), or sourced by hand: `source completion/cancelog.bash`. It asks the program
# itself (`cancelog __complete -- WORDS...`, see src/commands/complete.cpp) for the commands,
# options and values, and for the operators and case ids of the database in use, so that it
# never goes stale. Needs nothing but bash.

_cancelog() {
  local program=${COMP_WORDS[0]}
  [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}

  # The words after the program, up to the cursor; bash splits --color=always at the '=',
  # which the program wants whole.
  local words=() i word
  for ((i = 1; i <= COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == "=" && ${#words[@]} -gt 0 ]]; then
      words[-1]+=$word
    elif [[ $i -gt 1 && ${COMP_WORDS[i - 1]} == "=" && ${#words[@]} -gt 0 ]]; then
      words[-1]+=$word
    else
      words+=("$word")
    fi
  done
  # The part of the word under the cursor that the candidates replace.
  local current=${words[-1]-}
  if [[ $current == --*=* ]]; then
    current=${current#*=}
  fi

  local answer
  answer=$("$program" __complete -- "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $answer == ":files" ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$current")
    return 0
  fi
  local line value
  while IFS= read -r line; do
    value=${line%%$'\t'*}
    if [[ $value == "$current"* ]]; then
      if [[ $value == *[[:space:]]* ]]; then
        printf -v value '%q' "$value"
      fi
      COMPREPLY+=("$value")
    fi
  done <<<"$answer"
  return 0
}

complete -F _cancelog cancelog
