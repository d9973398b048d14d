# bash completion for gireport(1).
# Installed as share/bash-completion/completions/gireport, where bash-completion
# loads it on first use; it needs nothing from bash-completion, so it may also
# be sourced from ~/.bashrc.

# The template ids, as `gireport templates` lists them (with the --templates
# directories already on the command line).
_gireport_template_ids()
{
	local bin=${COMP_WORDS[0]} i args=()
	[[ $bin == gireport || -x $bin ]] || bin=gireport
	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		[[ ${COMP_WORDS[i]} == --templates && -d ${COMP_WORDS[i+1]} ]] &&
			args+=(--templates "${COMP_WORDS[i+1]}")
	done
	"$bin" "${args[@]}" templates 2>/dev/null | while read -r id _; do printf '%s\n' "$id"; done
}

# Sources: *.yaml and *.yml files, and directories (which stand for the
# sources below them).
_gireport_sources()
{
	local cur=$1 IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -d -- "$cur")
	           $(compgen -f -X '!*.yaml' -- "$cur")
	           $(compgen -f -X '!*.yml' -- "$cur"))
}

_gireport()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prefix='' cmd='' i w
	COMPREPLY=()

	# "--diagnostics=js": bash splits the word at "=" (COMP_WORDBREAKS), or
	# not when "=" was taken out of COMP_WORDBREAKS.
	if [[ $cur == = ]]; then
		cur=''
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		prefix=${cur%%=*}=
		cur=${cur#*=}
	fi

	# The command: the first word that is neither an option nor its argument.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-f | --format | -o | --output | -j | --jobs | --templates | --font | \
		--template | --year | --agency | --schema | --diagnostics)
			[[ ${COMP_WORDS[i+1]} == = ]] && ((i++))
			((i++)) ;;
		= | -*) ;;
		*) cmd=$w; break ;;
		esac
	done

	case $prev in
	-f | --format)
		local formats
		case $cmd in
		summary) formats='csv md json' ;;
		diff) formats='txt md' ;;
		*) formats='txt md pdf docx ofd json tree html' ;;
		esac
		# A comma-separated list: complete its last item.
		local done_part=''
		[[ $cur == *,* ]] && done_part=${cur%,*},
		COMPREPLY=($(compgen -P "$prefix$done_part" -W "$formats" -- "${cur##*,}"))
		return ;;
	-o | --output | --templates)
		local IFS=$'\n'
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--template)
		COMPREPLY=($(compgen -P "$prefix" -W "$(_gireport_template_ids)" -- "$cur"))
		return ;;
	--diagnostics)
		COMPREPLY=($(compgen -P "$prefix" -W 'text json' -- "$cur"))
		return ;;
	--font)
		if [[ $cur == *=* ]]; then
			local role=${cur%%=*}= IFS=$'\n'
			COMPREPLY=($(compgen -P "$role" -f -X '!*.tt[fc]' -- "${cur#*=}"))
		else
			compopt -o nospace 2>/dev/null
			COMPREPLY=($(compgen -W 'title= heading= subheading= body= table=' -- "$cur"))
		fi
		return ;;
	--schema)
		local IFS=$'\n'
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-j | --jobs | --year | --agency)
		return ;;
	esac

	if [[ $cur == -* ]]; then
		local opts
		case $cmd in
		build) opts='-f --format -o --output --stdout --strict -j --jobs --force --font
		             --diagnostics= --templates -q --quiet' ;;
		check) opts='--strict -j --jobs --diagnostics= --templates -q --quiet' ;;
		summary) opts='-f --format --bom --strict -j --jobs --diagnostics= --templates -q --quiet' ;;
		diff) opts='-f --format --templates' ;;
		site) opts='-o --output --strict --diagnostics= --templates -q --quiet' ;;
		new) opts='--template --year --agency --schema --templates' ;;
		schema) opts='--year --templates' ;;
		import) opts='-o --output -j --jobs --force --agency --year --template --strict --diagnostics= --templates' ;;
		templates) opts='--templates' ;;
		'') opts='--help --version --templates' ;;
		*) opts='--templates' ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi

	case $cmd in
	'') COMPREPLY=($(compgen -W 'build check summary diff site new schema import audit templates' -- "$cur")) ;;
	build | check | summary | diff | site) _gireport_sources "$cur" ;;
	import | audit) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
	schema) COMPREPLY=($(compgen -W "$(_gireport_template_ids)" -- "$cur")) ;;
	esac
}

complete -F _gireport gireport
