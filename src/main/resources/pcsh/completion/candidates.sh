# The candidates for the word being completed (the last argument; the ones before it are the words
# after pcsh), one per line as value<TAB>description. Plain sh that bash and zsh both run: no arrays,
# no word splitting, only awk outside the shell, so a Tab takes a few milliseconds and never waits on
# the network. Customers and validation codes come from the files pcsh keeps in $PCSH_HOME.
__pcsh_candidates() {
  local n=$# cur="" prefix="" cmd="" prev="" w i=0 kind first
  eval "cur=\${$n}"
  for w in "$@"; do
    i=$((i + 1))
    [ "$i" -eq "$n" ] && break
    if [ -z "$cmd" ]; then
      if __pcsh_is_prefix "${prefix:+$prefix }$w" || __pcsh_is_command "${prefix:+$prefix }$w"; then
        prefix="${prefix:+$prefix }$w"
        __pcsh_is_prefix "$prefix" || cmd=$prefix
        continue
      fi
      __pcsh_is_command "$prefix" || return 0
      cmd=$prefix
    fi
    prev=$w
  done
  if [ -z "$cmd" ]; then
    __pcsh_is_command "$prefix" && cmd=$prefix
    __pcsh_next_words "$prefix" "$cur"
    [ -z "$cmd" ] && return 0
    prev=""
  fi
  case $prev in
    -*) kind=$(__pcsh_kind "$cmd" "$prev") ;;
    *) kind="" ;;
  esac
  if [ -n "$kind" ]; then
    __pcsh_values "$cmd" "$prev" "$kind" "$cur"
  elif [ "${cur#-}" != "$cur" ]; then
    __pcsh_options "$cmd" | __pcsh_starting "$cur"
  else
    first=$(__pcsh_first "$cmd")
    if [ -n "$first" ]; then
      __pcsh_values "$cmd" "$first" "$(__pcsh_kind "$cmd" "$first")" "$cur" "$@"
    else
      __pcsh_options "$cmd" | __pcsh_starting "$cur"
    fi
  fi
}

# The word after "$1" (the words typed so far) in each command that starts with them.
__pcsh_next_words() {
  local line name rest next last=""
  __pcsh_commands | while IFS= read -r line; do
    name=${line%%	*}
    if [ -z "$1" ]; then rest=$name
    else
      case $name in "$1 "*) rest=${name#"$1 "} ;; *) continue ;; esac
    fi
    next=${rest%% *}
    case $next in "$2"*) ;; *) continue ;; esac
    [ "$next" = "$last" ] && continue
    last=$next
    if [ "$next" = "$rest" ]; then printf '%s\t%s\n' "$next" "${line#*	}"; else printf '%s\n' "$next"; fi
  done
}

__pcsh_starting() {
  local line
  while IFS= read -r line; do
    case $line in "$1"*) printf '%s\n' "$line" ;; esac
  done
}

# $1 command, $2 option, $3 kind of value, $4 the word typed so far.
__pcsh_values() {
  local home=${PCSH_HOME:-$HOME/.pcsh}
  case $3 in
    fixed) __pcsh_fixed "$1" "$2" | __pcsh_starting "$4" ;;
    files) printf '__pcsh_files__\n' ;;
    customer-ids)
      [ -r "$home/completion/customers.tsv" ] && awk -F '\t' -v p="$4" \
        'index($1, p) == 1 { print $1 "\t" $2 }' "$home/completion/customers.tsv" ;;
    customer-names)
      [ -r "$home/completion/customers.tsv" ] && awk -F '\t' -v p="$4" '
        BEGIN { p = tolower(p) }
        index(tolower($2), p) == 1 && $2 != "" { print $2 "\t" $3 }
        index(tolower($3), p) == 1 && $3 != "" { print $3 "\t" $2 }
        p != "" && index($1, p) == 1 { print $1 "\t" $2 }' "$home/completion/customers.tsv" ;;
    subscription-ids)
      [ -r "$home/completion/subscriptions.tsv" ] && awk -F '\t' -v p="$4" \
        'index($1, p) == 1 { print $1 "\t" $2 }' "$home/completion/subscriptions.tsv" ;;
    codes)
      [ -r "$home/completion/codes.tsv" ] && awk -F '\t' -v p="$4" \
        'index($1, p) == 1 { print $1 "\t" $2 }' "$home/completion/codes.tsv" ;;
    commands)
      # help <command>: the words typed after help, then the next one
      local typed=$4 words="" w seen="" count i=0
      shift 4
      count=$#
      for w in "$@"; do
        i=$((i + 1))
        [ "$i" -eq "$count" ] && break
        if [ -z "$seen" ]; then
          [ "$w" = help ] && seen=1
          continue
        fi
        words="${words:+$words }$w"
      done
      __pcsh_next_words "$words" "$typed" ;;
  esac
}
