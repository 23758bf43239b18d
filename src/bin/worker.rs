//! The background worker (`worker_loader.js` → `worker_bg.wasm`): the heavy analyses the
//! page hands off (see `retorno::worker`). Built by Trunk as a web worker from its link
//! in index.html; the report uses the same files.
fn main() {
    #[cfg(target_arch = "wasm32")]
    retorno::worker::start();
}
