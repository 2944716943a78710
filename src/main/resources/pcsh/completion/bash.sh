_pcsh() {
  local cur=${COMP_WORDS[COMP_CWORD]} dir=${PCSH_HOME:-$HOME/.pcsh}/completion value last more=0
  local -a lines
  # The candidates come through a file of this shell's in pcsh's own directory (owner-only; pcsh
  # removes the ones a day old): a command substitution would fork this shell once more each Tab.
  # Before pcsh has made that directory, a process substitution reads them. One read takes all the
  # lines (empty ones dropped), in bash 3.2 too, which has no mapfile.
  if [ -d "$dir" ] && [ -w "$dir" ]; then
    __pcsh_candidates "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null >|"$dir/.tab.$$"
    IFS=$'\n' read -r -d '' -a lines <"$dir/.tab.$$"
  else
    IFS=$'\n' read -r -d '' -a lines < <(__pcsh_candidates "${COMP_WORDS[@]:1:COMP_CWORD}")
  fi
  COMPREPLY=()
  if [ "${lines[0]}" = "__pcsh_files__" ]; then
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return 0
  fi
  [ "${#lines[@]}" -gt 0 ] || return 0
  last=${lines[${#lines[@]} - 1]}
  case $last in
    __pcsh_more__*)
      more=${last#*$'\t'}
      unset "lines[${#lines[@]} - 1]"
      ;;
  esac
  if [ "${#lines[@]}" -gt 0 ]; then
    # No loop over the candidates: one printf -v quotes them all, and the quoted ones (none holds a
    # newline) are split on newlines with globbing off, as a name may hold * or ?.
    local IFS=$'\n' noglob=""
    case $- in *f*) noglob=1 ;; *) set -f ;; esac
    printf -v value '%q\n' "${lines[@]%%$'\t'*}"
    COMPREPLY=($value)
    [ -n "$noglob" ] || set +f
  fi
  # Past the first few hundred, one line says how many more there are, as a candidate that starts
  # with none of the others' letters: bash then lists them (asking first, past 100) and, with no
  # common start to complete, leaves the word as typed rather than completing from a partial list.
  if [ "$more" -gt "${#COMPREPLY[@]}" ]; then
    COMPREPLY+=("(and $((more - ${#COMPREPLY[@]})) more: type more to narrow)")
  fi
  return 0
}
complete -F _pcsh pcsh ./pcsh
