//! Writing a file so that it is either the old file or the complete new one,
//! never half: a temporary file in the same directory, fsync, rename over the
//! target, fsync of the directory (so the rename itself survives a power cut).

use super::StorageError;
use std::io::Write;
use std::path::Path;

/// The step of [`write_atomic`] that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStep {
    CreateTemporary,
    Write,
    Flush,
    Rename,
    FlushFolder,
}

/// Writes `bytes` to `path` atomically. On error the target is untouched and the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let io = |step: FileStep, e: &std::io::Error| match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            StorageError::DiskFull {
                file: Some(path.to_path_buf()),
                detail: Some(e.to_string()),
            }
        }
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
            StorageError::ReadOnly {
                file: Some(path.to_path_buf()),
                detail: Some(e.to_string()),
            }
        }
        _ => StorageError::FileNotWritten {
            path: path.to_path_buf(),
            step,
            detail: e.to_string(),
        },
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(StorageError::IsAFolder {
            path: path.to_path_buf(),
        });
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".telraam-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io(FileStep::CreateTemporary, &e))?;
    temp.write_all(bytes).map_err(|e| io(FileStep::Write, &e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| io(FileStep::Flush, &e))?;
    temp.persist(path)
        .map_err(|e| io(FileStep::Rename, &e.error))?;
    sync_dir(dir).map_err(|e| io(FileStep::FlushFolder, &e))?;
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Directories cannot be opened for syncing everywhere; the rename is still atomic.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("station-1.toml");
        std::fs::write(&path, b"old").expect("write");
        write_atomic(&path, b"new contents").expect("atomic write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new contents");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-dir").join("out.toml");
        let err = write_atomic(&path, b"x").expect_err("must fail");
        assert!(err.to_string().contains("out.toml"), "{err}");
        assert!(
            matches!(&err, StorageError::FileNotWritten { path: p, step: FileStep::CreateTemporary, .. } if *p == path),
            "{err:?}"
        );
        assert!(!path.exists());
    }
}
