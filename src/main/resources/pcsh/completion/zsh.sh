_pcsh() {
  local out line more=0
  local -a values shown
  out=$(__pcsh_candidates "${(@)words[2,CURRENT]}")
  if [[ $out == __pcsh_files__ ]]; then
    _files
    return
  fi
  for line in "${(@f)out}"; do
    [[ -z $line ]] && continue
    if [[ $line == __pcsh_more__* ]]; then
      more=${line#*$'\t'}
      continue
    fi
    values+=("${line%%$'\t'*}")
    if [[ $line == *$'\t'* ]]; then shown+=("${line%%$'\t'*}  -- ${line#*$'\t'}"); else shown+=("$line"); fi
  done
  (( ${#values} )) || return 1
  if (( more > ${#values} )); then
    # only the first few hundred of the matches are here: say how many there are, and insert
    # nothing, since a common start of these need not be one of all of them
    compadd -x "showing ${#values} of $more matches: type more to narrow"
  fi
  compadd -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' -l -d shown -a values
  (( more > ${#values} )) && compstate[insert]=''
  return 0
}
if (( ! $+functions[compdef] )); then
  autoload -Uz compinit && compinit -u
fi
compdef _pcsh pcsh ./pcsh
