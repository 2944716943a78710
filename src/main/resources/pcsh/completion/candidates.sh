# The candidates for the word being completed (the last argument; the ones before it are the words
# after pcsh), one per line as value<TAB>description. Plain sh that bash and zsh both run: no arrays,
# no word splitting, and nothing forked per candidate (one awk reads a file of pcsh's), so a Tab takes
# a few milliseconds and never waits on the network. Customers and validation codes come from the
# files pcsh keeps in $PCSH_HOME. Past __pcsh_max candidates only the first are printed, then one line
# __pcsh_more__<TAB>N with the number of all the matches: nobody reads thousands, and the shell's part
# says how many there are instead.
__pcsh_max=300
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
  # __pcsh_kind and __pcsh_first set kind and first (no subshell)
  kind="" first=""
  case $prev in -*) __pcsh_kind "$cmd" "$prev" ;; esac
  if [ -n "$kind" ]; then
    __pcsh_values "$cmd" "$prev" "$kind" "$cur"
  elif [ "${cur#-}" != "$cur" ]; then
    __pcsh_options "$cmd" | __pcsh_starting "$cur"
  else
    __pcsh_first "$cmd"
    if [ -n "$first" ]; then
      __pcsh_kind "$cmd" "$first"
      __pcsh_values "$cmd" "$first" "$kind" "$cur" "$@"
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
      __pcsh_matching "$home/completion/customers.tsv" "$4" \
        'index($1, p) == 1 { out($1 "\t" $2) }' ;;
    customer-names)
      # names and domains match in any case; only the start of a field is lowered
      __pcsh_matching "$home/completion/customers.tsv" "$4" '
        $2 != "" && tolower(substr($2, 1, lp)) == lower { out($2 "\t" $3) }
        $3 != "" && tolower(substr($3, 1, lp)) == lower { out($3 "\t" $2) }
        lp > 0 && index($1, p) == 1 { out($1 "\t" $2) }' ;;
    subscription-ids)
      __pcsh_matching "$home/completion/subscriptions.tsv" "$4" \
        'index($1, p) == 1 { out($1 "\t" $2) }' ;;
    codes)
      __pcsh_matching "$home/completion/codes.tsv" "$4" \
        'index($1, p) == 1 { out($1 "\t" $2) }' ;;
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

# One awk over the file $1 with the word typed so far ($2, as p; lowered as lower; its length lp) and
# the rules $3, which print a candidate with out(line): the first __pcsh_max, then the count line.
__pcsh_matching() {
  [ -r "$1" ] || return 0
  awk -F '\t' -v p="$2" -v max="$__pcsh_max" '
    BEGIN { lower = tolower(p); lp = length(p) }
    function out(line) { if (++n <= max) print line }
    '"$3"'
    END { if (n > max) print "__pcsh_more__\t" n }' "$1"
}
