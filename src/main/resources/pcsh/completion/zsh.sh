_pcsh() {
  local dir=${PCSH_HOME:-$HOME/.pcsh}/completion last more=0
  local -a lines values shown
  # through a file of this shell's in pcsh's own directory (see the bash script); $(<file) forks
  # nothing in zsh
  if [[ -d $dir && -w $dir ]]; then
    __pcsh_candidates "${(@)words[2,CURRENT]}" 2>/dev/null >|"$dir/.tab.$$"
    lines=("${(@f)$(<$dir/.tab.$$)}")
  else
    lines=("${(@f)$(__pcsh_candidates "${(@)words[2,CURRENT]}")}")
  fi
  if [[ ${lines[1]} == __pcsh_files__ ]]; then
    _files
    return
  fi
  # no loop over the candidates: each array is made from all the lines at once
  lines=("${(@)lines:#}")
  last=${lines[-1]}
  if [[ $last == __pcsh_more__* ]]; then
    more=${last#*$'\t'}
    lines[-1]=()
  fi
  values=("${(@)lines%%$'\t'*}")
  shown=("${(@)lines/$'\t'/  -- }")
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
