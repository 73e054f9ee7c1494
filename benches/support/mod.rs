//! Helpers for `benches/core.rs`: the app in-process, the binary in a
//! pseudo-terminal, and the statistics and table it prints.

pub mod inproc;
pub mod pty;
pub mod report;
pub mod saves;

use std::path::Path;

/// Copies a (closed) sled data dir, so each scenario starts from the seed.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for e in std::fs::read_dir(from).expect("read seeded dir") {
        let e = e.expect("dir entry");
        let dest = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).expect("copy file");
        }
    }
}
