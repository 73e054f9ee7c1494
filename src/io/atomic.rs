//! Files written whole or not at all: a temp file beside the target,
//! synced, then renamed over it. A failure removes the temp file and leaves
//! the target as it was (absent, or the old file).

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The temp file for `path`: hidden, in the same directory (a rename
/// across file systems is not atomic), named for this process so two
/// exports to one folder do not meet.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "kinerja".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `contents` to `path`, via a temp file renamed into place.
pub fn write(
    path: &Path,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temp_path(path);
    let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    let written = finish(file, contents).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        // The temp file is ours; a failure to remove it changes nothing.
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // The rename is durable once the directory is synced.
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(dir).and_then(|d| d.sync_all())?;
    }
    Ok(())
}

fn finish(
    file: File,
    contents: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut w = BufWriter::new(file);
    contents(&mut w)?;
    w.into_inner()
        .map_err(std::io::IntoInnerError::into_error)?
        .sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_replaces_the_old_one_and_no_temp_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("hasil.csv");
        std::fs::write(&path, "lama").expect("old");
        write(&path, |w| w.write_all(b"baru")).expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "baru");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_removes_the_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("hasil.csv");
        std::fs::write(&path, "lama").expect("old");
        let err = write(&path, |w| {
            w.write_all(b"setengah")?;
            Err(std::io::Error::other("disk penuh"))
        })
        .expect_err("fails");
        assert_eq!(err.to_string(), "disk penuh");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "lama");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn a_target_that_cannot_be_replaced_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("folder");
        std::fs::create_dir(&path).expect("dir");
        std::fs::write(path.join("x"), "x").expect("x");
        write(&path, |w| w.write_all(b"isi")).expect_err("a full folder cannot be replaced");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }
}
