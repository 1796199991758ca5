# wait_until SECONDS DESCRIPTION COMMAND...: runs COMMAND every 20 ms until it succeeds;
# gives up with a message after SECONDS. Sourced by scripts/screenshots.
wait_until() {
    local seconds=$1 description=$2
    shift 2
    local tries=$((seconds * 50))
    for _ in $(seq 1 "$tries"); do
        if "$@"; then return 0; fi
        sleep 0.02
    done
    echo "screenshots: timed out after ${seconds}s waiting for $description" >&2
    if [ -n "${socket:-}" ]; then tmux -L "$socket" capture-pane -p -t shots >&2 2>/dev/null || true; fi
    exit 1
}
