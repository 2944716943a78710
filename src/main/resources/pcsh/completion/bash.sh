_pcsh() {
  local cur=${COMP_WORDS[COMP_CWORD]} out line
  out=$(__pcsh_candidates "${COMP_WORDS[@]:1:COMP_CWORD}")
  COMPREPLY=()
  if [ "$out" = "__pcsh_files__" ]; then
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return 0
  fi
  while IFS= read -r line; do
    [ -n "$line" ] && COMPREPLY+=("$(printf '%q' "${line%%$'\t'*}")")
  done <<<"$out"
  return 0
}
complete -F _pcsh pcsh ./pcsh
