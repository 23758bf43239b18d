# Sourced by the serve and test scripts: the pinned tools first on PATH.
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The Python venv of the tests (setup.sh --test makes it).
export RETORNO_PYVENV="${RETORNO_PYVENV:-$HOME/.cache/retorno-py}"
