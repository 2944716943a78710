_pcsh() {
  local cur=${COMP_WORDS[COMP_CWORD]} out line value more=0
  out=$(__pcsh_candidates "${COMP_WORDS[@]:1:COMP_CWORD}")
  COMPREPLY=()
  if [ "$out" = "__pcsh_files__" ]; then
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return 0
  fi
  # printf -v quotes a candidate in this shell: no subshell per candidate, however many there are
  while IFS= read -r line; do
    case $line in
      '') ;;
      __pcsh_more__*) more=${line#*$'\t'} ;;
      *)
        printf -v value '%q' "${line%%$'\t'*}"
        COMPREPLY+=("$value")
        ;;
    esac
  done <<<"$out"
  # Past the first few hundred, one line says how many more there are, as a candidate that starts
  # with none of the others' letters: bash then lists them (asking first, past 100) and, with no
  # common start to complete, leaves the word as typed rather than completing from a partial list.
  if [ "$more" -gt "${#COMPREPLY[@]}" ]; then
    COMPREPLY+=("(and $((more - ${#COMPREPLY[@]})) more: type more to narrow)")
  fi
  return 0
}
complete -F _pcsh pcsh ./pcsh
