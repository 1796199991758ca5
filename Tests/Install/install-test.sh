#!/usr/bin/env bash
# The shipping test: scripts/install into a temporary prefix, the installed binary run with an
# empty environment, its man pages, its bash completion, --uninstall, then scripts/package and
# the .deb installed into a throwaway root. One release build serves both scripts.
#
# Prints "ok - CHECK" or "not ok - CHECK" per check and ends with
# "install test summary: N passed, N failed"; exits non-zero if any check failed.
set -uo pipefail

cd "$(dirname "$0")/../.."
repo_root=$(pwd)
work=$(mktemp -d)
emulator_pid=
cleanup() {
    if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
# check NAME COMMAND...: runs COMMAND, counts it, shows its output when it fails.
check() {
    local name=$1 log
    shift
    log=$(mktemp -p "$work")
    if "$@" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name"
        sed 's/^/    /' "$log" | tail -n 40
    fi
}
finish() {
    echo "install test summary: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}
# fail_with MESSAGE: a check's reason, on stderr (shown only when the check fails).
fail_with() {
    echo "$*" >&2
    return 1
}

prefix=$work/prefix
bin=$prefix/bin/polar-hooks
version=$(tr -d ' \t\r\n' <VERSION)

# Something of another program's in the prefix, which --uninstall must leave alone.
mkdir -p "$prefix/bin" "$prefix/share/man/man1"
echo "not ours" >"$prefix/bin/other-tool"
echo "not ours" >"$prefix/share/man/man1/other-tool.1"

echo "==> scripts/install --prefix $prefix"
start=$(date +%s)
if ! scripts/install --prefix "$prefix" | tee "$work/install.log"; then
    failed=$((failed + 1))
    echo "not ok - scripts/install failed: nothing more to check"
    finish
fi
echo "(install took $(($(date +%s) - start)) s, the release build included)"

installed_files() {
    local path
    for path in bin/polar-hooks share/man/man1/polar-hooks.1 share/man/man1/polar-hooks.endpoints.list.1 \
        share/bash-completion/completions/polar-hooks share/zsh/site-functions/_polar-hooks \
        share/fish/vendor_completions.d/polar-hooks.fish share/polar-hooks/install-manifest; do
        [ -s "$prefix/$path" ] || fail_with "missing: $prefix/$path" || return 1
        grep -q "installed $prefix/$path" "$work/install.log" || [ "$path" = share/polar-hooks/install-manifest ] ||
            fail_with "the install did not say it installed $path" || return 1
    done
}
check "the install put the binary, the man pages and three completions in the prefix and said so" installed_files

version_line() {
    local out
    out=$(env -i "$bin" --version) || return 1
    echo "$out"
    # The VERSION file, then the commit when built from git.
    if git rev-parse --short=7 HEAD >/dev/null 2>&1; then
        [ "$out" = "$version ($(git rev-parse --short=7 HEAD))" ] || fail_with "expected '$version (commit)'"
    else
        [ "$out" = "$version" ] || fail_with "expected '$version'"
    fi
}
check "env -i polar-hooks --version prints VERSION and the commit" version_line

help_text() {
    local out
    out=$(env -i "$bin" --help) || return 1
    grep -q '^USAGE: polar-hooks' <<<"$out" && grep -q 'endpoints' <<<"$out" && grep -q -- '--version' <<<"$out"
}
check "env -i polar-hooks --help" help_text

event_types_json() {
    env -i "$bin" event-types --json >"$work/event-types.json" || return 1
    python3 -c 'import json, sys; types = json.load(open(sys.argv[1])); assert "order.paid" in json.dumps(types)' \
        "$work/event-types.json"
}
check "env -i polar-hooks event-types --json is JSON with order.paid" event_types_json

# The emulator on a free port; its first line names the URL. Waits for that line, bounded.
env -i "$bin" emulator --port 0 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
emulator_url=
for _ in $(seq 1 200); do
    emulator_url=$(sed -n 's/^Polar emulator listening on \(http[^ ]*\).*/\1/p' "$work/emulator.log" | head -n 1)
    [ -n "$emulator_url" ] && break
    kill -0 "$emulator_pid" 2>/dev/null || break
    sleep 0.05
done
endpoints_list() {
    [ -n "$emulator_url" ] || fail_with "the emulator printed no URL: $(cat "$work/emulator.log")" || return 1
    env -i "$bin" endpoints list --json --api-url "$emulator_url" --token polar_oat_emulator \
        >"$work/endpoints.json" || return 1
    python3 -c 'import json, sys; items = json.load(open(sys.argv[1])); assert len(items) > 0, items' \
        "$work/endpoints.json"
}
check "env -i polar-hooks emulator --port 0, then endpoints list against it" endpoints_list

linked_libraries() {
    local out
    out=$(ldd "$bin") || return 1
    echo "$out"
    if grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|not found' <<<"$out"; then
        fail_with "the binary needs the Swift runtime or a missing library"
        return 1
    fi
    grep -q 'libncursesw\.so\.6' <<<"$out"
}
check "ldd: no Swift runtime, Foundation or Dispatch; ncursesw" linked_libraries

stripped() {
    ! readelf -S "$bin" | grep -Eq '\.(symtab|debug_info)' || fail_with "symbols or debug info left in $bin"
}
check "the installed binary is stripped" stripped

man_pages() {
    local out page
    out=$(MANWIDTH=80 man -P cat -l "$prefix/share/man/man1/polar-hooks.1" 2>&1) || return 1
    grep -q 'polar-hooks' <<<"$out" || fail_with "$out" || return 1
    # The page is the program's own help: its discussion and subcommands are in it.
    grep -q 'emulator' <<<"$out" && grep -q 'Exit status' <<<"$out" || fail_with "$out" || return 1
    for page in "$prefix"/share/man/man1/polar-hooks.*.1; do
        MANWIDTH=80 man -P cat -l "$page" >/dev/null 2>"$work/man.err" || return 1
        [ ! -s "$work/man.err" ] || fail_with "$page: $(cat "$work/man.err")" || return 1
    done
    out=$(MANWIDTH=80 man -P cat -l "$prefix/share/man/man1/polar-hooks.endpoints.create.1")
    grep -q -- '--url' <<<"$out" || fail_with "$out"
}
check "man -l renders polar-hooks.1 and every subcommand page" man_pages

# Calls the bash completion function as bash would for the line $1 (cursor at its end) in a
# bash of its own, with the installed binary first on PATH; prints the candidates.
complete_line() {
    local line=$1
    shift
    env -i "$@" PATH="$prefix/bin:/usr/bin:/bin" HOME="$work/home" LINE="$line" \
        bash --norc --noprofile -c '
            source "$0" || exit 1
            function=$(complete -p polar-hooks | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
            read -r -a COMP_WORDS <<<"$LINE"
            if [[ "$LINE" == *" " ]]; then COMP_WORDS+=(""); fi
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE=$LINE
            COMP_POINT=${#LINE}
            COMPREPLY=()
            "$function" polar-hooks "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf "%s\n" "${COMPREPLY[@]}"
        ' "$prefix/share/bash-completion/completions/polar-hooks"
}
mkdir -p "$work/home"

completes_subcommand() {
    local out
    out=$(complete_line "polar-hooks end") || return 1
    echo "$out"
    [ "$out" = endpoints ]
}
check "bash: polar-hooks end<TAB> completes to endpoints" completes_subcommand

completes_endpoint_ids() {
    local out expected
    out=$(complete_line "polar-hooks endpoints get " POLAR_API_URL="$emulator_url" \
        POLAR_ACCESS_TOKEN=polar_oat_emulator) || return 1
    echo "candidates: $out"
    expected=$(python3 -c 'import json, sys; print("\n".join(sorted(e["id"] for e in json.load(open(sys.argv[1])))))' \
        "$work/endpoints.json")
    [ -n "$out" ] && [ "$(sort <<<"$out")" = "$expected" ] || fail_with "expected the IDs: $expected"
}
check "bash: polar-hooks endpoints get <TAB> offers the account's endpoint IDs" completes_endpoint_ids

completes_nothing_without_token() {
    local out
    out=$(complete_line "polar-hooks endpoints get " 2>&1) || return 1
    [ -z "$out" ] || fail_with "expected nothing, got: $out"
}
check "bash: with no token, an endpoint ID completes to nothing and prints nothing" completes_nothing_without_token

other_shells() {
    head -n 1 "$prefix/share/zsh/site-functions/_polar-hooks" | grep -q '^#compdef polar-hooks' || return 1
    grep -q "^complete -c 'polar-hooks'" "$prefix/share/fish/vendor_completions.d/polar-hooks.fish" || return 1
    if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_polar-hooks" || return 1; fi
    if command -v fish >/dev/null; then fish -n "$prefix/share/fish/vendor_completions.d/polar-hooks.fish" || return 1; fi
}
check "zsh and fish completions are the program's (and parse, where those shells exist)" other_shells

uninstall() {
    scripts/install --uninstall --prefix "$prefix" || return 1
    local left
    left=$(cd "$prefix" && find . -mindepth 1 | sort | tr '\n' ' ')
    # Exactly the other program's files and the folders they were in before.
    [ "$left" = "./bin ./bin/other-tool ./share ./share/man ./share/man/man1 ./share/man/man1/other-tool.1 " ] ||
        fail_with "left behind: $left"
}
check "scripts/install --uninstall removes what it installed and nothing else" uninstall

echo "==> scripts/package --output $work/out"
package_built() {
    scripts/package --output "$work/out" || return 1
    [ -f "$work/out/polar-hooks_${version}_$(dpkg --print-architecture).deb" ]
}
check "scripts/package builds polar-hooks_${version}_ARCH.deb (reusing the release build)" package_built
deb=$work/out/polar-hooks_${version}_$(dpkg --print-architecture).deb

package_info() {
    local info
    info=$(dpkg-deb --info "$deb") || return 1
    echo "$info"
    grep -q "^ Package: polar-hooks$" <<<"$info" && grep -q "^ Version: $version$" <<<"$info" &&
        grep -q "^ Architecture: $(dpkg --print-architecture)$" <<<"$info" &&
        grep -Eq '^ Depends: libc6 \(>= [0-9.]+\), libncursesw6' <<<"$info"
}
check "dpkg-deb --info: name, VERSION, architecture, Depends libc6 and libncursesw6" package_info

package_contents() {
    local contents path
    contents=$(dpkg-deb --contents "$deb") || return 1
    for path in ./usr/bin/polar-hooks ./usr/share/man/man1/polar-hooks.1.gz \
        ./usr/share/man/man1/polar-hooks.endpoints.list.1.gz ./usr/share/bash-completion/completions/polar-hooks \
        ./usr/share/zsh/vendor-completions/_polar-hooks ./usr/share/fish/vendor_completions.d/polar-hooks.fish \
        ./usr/share/doc/polar-hooks/copyright; do
        grep -q " $path\$" <<<"$contents" || fail_with "not in the package: $path" || return 1
    done
    # Owned by root, whoever built it.
    ! grep -v ' root/root ' <<<"$contents" | grep -q . || fail_with "files not owned by root: $contents"
}
check "dpkg-deb --contents: binary, man pages, completions, copyright" package_contents

# dpkg into a throwaway root: its own empty database, so the dependencies (on the real system)
# are not there and are overridden; the package has no maintainer scripts to run.
package_installs() {
    local root=$work/root
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
    touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
    dpkg --root="$root" --force-depends --force-not-root -i "$deb" || return 1
    dpkg --root="$root" -L polar-hooks | grep -q '^/usr/bin/polar-hooks$' || return 1
    case $(env -i "$root/usr/bin/polar-hooks" --version) in "$version"*) ;; *) return 1 ;; esac
    zcat "$root/usr/share/man/man1/polar-hooks.1.gz" | MANWIDTH=80 man -P cat -l - | grep -q 'polar-hooks' || return 1
    dpkg --root="$root" --force-depends -r polar-hooks || return 1
    [ ! -e "$root/usr/bin/polar-hooks" ]
}
check "dpkg -i --root installs it into a throwaway root (and -r removes it)" package_installs

finish
