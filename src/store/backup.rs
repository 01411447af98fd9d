//! A copy of the log kept before any rewrite that is not a pure insertion (a
//! status changed in place, an entry edited), so an edit gone wrong can be undone
//! by hand: `FILE.bak`, next to the file, private.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::atomic::{replace, sidecar_path};
use super::permissions::PRIVATE_FILE_MODE;
use super::writer::writer_from_env;

/// Where the backup of `log` goes: `<resolved log>.bak`.
pub fn backup_path(log: &Path) -> PathBuf {
    sidecar_path(log, ".bak")
}

/// Copies `log` (through symlinks) to [`backup_path`], atomically and durably,
/// with mode 0600 whatever the log's mode; replaces an older backup. Call it
/// under the log's [`super::Lock`], before writing the rewritten log. Returns
/// the backup's path.
pub fn backup(log: &Path) -> Result<PathBuf, StoreError> {
    let bytes = std::fs::read(log).map_err(|source| StoreError::BackupRead {
        path: log.to_path_buf(),
        source,
    })?;
    let path = backup_path(log);
    // The backup is written where it is, not through a symlink planted at its name.
    replace(&path, &bytes, &*writer_from_env(), Some(PRIVATE_FILE_MODE)).map_err(|source| {
        StoreError::BackupWrite {
            log: log.to_path_buf(),
            backup: path.clone(),
            source: Box::new(source),
        }
    })?;
    Ok(path)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn backup_is_a_private_byte_identical_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("log.ron");
        let bytes = "\u{feff}Log(\r\n  // é\r\n)\r\n".as_bytes();
        std::fs::write(&log, bytes).expect("write");
        std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let path = backup(&log).expect("backup");
        assert_eq!(
            path,
            dir.path()
                .canonicalize()
                .expect("canon")
                .join("log.ron.bak")
        );
        assert_eq!(std::fs::read(&path).expect("read"), bytes);
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            std::fs::read(&log).expect("read"),
            bytes,
            "the log is untouched"
        );

        std::fs::write(&log, "newer").expect("write");
        backup(&log).expect("second backup");
        assert_eq!(std::fs::read(&path).expect("read"), b"newer");
    }
}
