//! The customer-value worker (`rfm_worker_loader.js`): scores a transactions file for
//! the customer screen (see `retorno::worker::rfm`). Built by Trunk as a web worker from
//! its link in index.html.
fn main() {
    #[cfg(target_arch = "wasm32")]
    retorno::worker::rfm::start();
}
