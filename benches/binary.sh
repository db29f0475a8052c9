# Sourced by the bench scripts: sets $claimgraph to the binary to measure,
# $CLAIMGRAPH if set (nothing is built), else the debug build under
# $CARGO_TARGET_DIR, built first (the profile the tests use).
if [[ -n ${CLAIMGRAPH:-} ]]; then
    claimgraph=$CLAIMGRAPH
else
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/claimgraph-target}"
    cargo build -q
    claimgraph="$CARGO_TARGET_DIR/debug/claimgraph"
fi
[[ -x $claimgraph ]] || { echo "error: $claimgraph is not an executable" >&2; exit 2; }
