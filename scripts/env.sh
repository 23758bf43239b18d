# Sourced by the serve and test scripts: the pinned tools first on PATH.
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
