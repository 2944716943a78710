_pcsh() {
  local out line
  local -a values shown
  out=$(__pcsh_candidates "${(@)words[2,CURRENT]}")
  if [[ $out == __pcsh_files__ ]]; then
    _files
    return
  fi
  for line in "${(@f)out}"; do
    [[ -z $line ]] && continue
    values+=("${line%%$'\t'*}")
    if [[ $line == *$'\t'* ]]; then shown+=("${line%%$'\t'*}  -- ${line#*$'\t'}"); else shown+=("$line"); fi
  done
  (( ${#values} )) && compadd -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' -l -d shown -a values
}
if (( ! $+functions[compdef] )); then
  autoload -Uz compinit && compinit -u
fi
compdef _pcsh pcsh ./pcsh
