//! Private by default: files promo creates are readable by their owner only, and
//! a log marked read-only is never replaced behind the owner's back.

use std::path::Path;

use super::StoreError;

/// The mode of every file promo creates: the owner reads and writes, nobody else.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// The mode of every directory promo creates.
pub const PRIVATE_DIR_MODE: u32 = 0o700;

/// Creates `dir` and any missing parents, each with [`PRIVATE_DIR_MODE`].
/// Directories that already exist keep their mode.
pub fn create_private_dir_all(dir: &Path) -> Result<(), StoreError> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR_MODE);
    }
    builder.create(dir).map_err(|source| StoreError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })
}

/// Refuses, before anything is touched, to replace a file whose permissions say
/// read-only or one in a read-only directory.
///
/// An atomic rename only needs the directory to be writable, so without this
/// check a `chmod a-w` log would be silently replaced; and promo may run as a
/// user (root) the OS would let through. The mode bits state the owner's intent,
/// so they are what is checked.
pub fn ensure_writable(file: &Path) -> Result<(), StoreError> {
    if let Ok(metadata) = std::fs::metadata(file)
        && metadata.permissions().readonly()
    {
        return Err(StoreError::ReadOnlyFile {
            path: file.to_path_buf(),
        });
    }
    let dir = parent_dir(file);
    if let Ok(metadata) = std::fs::metadata(dir)
        && metadata.permissions().readonly()
    {
        return Err(StoreError::ReadOnlyDir {
            path: file.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(())
}

/// The directory a file is in; `.` for a bare file name.
pub(super) fn parent_dir(file: &Path) -> &Path {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn created_directories_are_private_and_existing_ones_keep_their_mode() {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        let deep = root.path().join("a/b/c");
        create_private_dir_all(&deep).expect("create");
        for dir in ["a", "a/b", "a/b/c"] {
            assert_eq!(mode(&root.path().join(dir)), 0o700, "{dir}");
        }
        assert_eq!(mode(root.path()), 0o755);
    }

    #[test]
    fn read_only_files_and_directories_are_refused() {
        let root = tempfile::tempdir().expect("tempdir");
        let file = root.path().join("log.ron");
        std::fs::write(&file, "x").expect("write");
        ensure_writable(&file).expect("writable");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(matches!(
            ensure_writable(&file),
            Err(StoreError::ReadOnlyFile { .. })
        ));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o555))
            .expect("chmod");
        let refused = ensure_writable(&file);
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        assert!(matches!(refused, Err(StoreError::ReadOnlyDir { .. })));
    }
}
