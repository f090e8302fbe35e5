//! Who has the workspace open in the interface.
//!
//! The interface holds an exclusive lock on `telraam.lock` in the workspace folder
//! for as long as it runs ([`std::fs::File::try_lock`]: `flock` on Unix,
//! `LockFileEx` on Windows). The operating system releases it when the process
//! ends, however it ends, so a crash never leaves a workspace locked. Beside it,
//! `telraam.holder` names the holder: operator, process, since when, and the
//! station open on screen. That file is only believed while the lock is held; a
//! holder file left behind by a crashed process means nothing.

use super::StorageError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "telraam.lock";
pub const HOLDER_FILE: &str = "telraam.holder";

/// The interface that has the workspace open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub operator: String,
    /// The process id.
    pub pid: u32,
    /// When it took the workspace, UTC (`2026-03-18 21:04:05`).
    pub since: String,
    /// The station open on its screen, if any.
    pub station: Option<u32>,
}

impl Holder {
    fn to_text(&self) -> String {
        let station = self.station.map(|s| s.to_string()).unwrap_or_default();
        format!(
            "operator={}\npid={}\nsince={}\nstation={station}\n",
            self.operator.replace('\n', " "),
            self.pid,
            self.since
        )
    }

    fn parse(text: &str) -> Holder {
        let mut holder = Holder {
            operator: String::new(),
            pid: 0,
            since: String::new(),
            station: None,
        };
        for line in text.lines() {
            match line.split_once('=') {
                Some(("operator", v)) => holder.operator = v.to_string(),
                Some(("pid", v)) => holder.pid = v.parse().unwrap_or(0),
                Some(("since", v)) => holder.since = v.to_string(),
                Some(("station", v)) => holder.station = v.parse().ok(),
                _ => {}
            }
        }
        holder
    }

    /// "Jansen (process 4242, since 2026-03-18 21:04:05 UTC)", in English or Dutch
    /// (the words are in [`super::words::holder`]).
    pub fn describe(&self, english: bool) -> String {
        super::words::holder(self, english)
    }
}

/// The lock this process holds; released when dropped or when the process ends.
pub struct WorkspaceLock {
    dir: PathBuf,
    holder: Holder,
    // Dropped last: the lock is released after the holder file is removed.
    _file: File,
}

/// The outcome of [`acquire`].
pub enum Acquired {
    /// This process has the workspace.
    Mine(WorkspaceLock),
    /// Another process has it (its holder file, when readable).
    Held(Option<Holder>),
}

fn io(dir: &Path, e: std::io::Error) -> StorageError {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            StorageError::ReadOnly {
                file: None,
                detail: None,
            }
        }
        _ => StorageError::NotLocked {
            dir: dir.to_path_buf(),
            detail: e.to_string(),
        },
    }
}

/// Takes the workspace for this process, or says who has it.
pub fn acquire(dir: &Path, operator: &str) -> Result<Acquired, StorageError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .map_err(|e| io(dir, e))?;
    match file.try_lock() {
        Ok(()) => {
            let lock = WorkspaceLock {
                dir: dir.to_path_buf(),
                holder: Holder {
                    operator: operator.to_string(),
                    pid: std::process::id(),
                    since: now_utc(),
                    station: None,
                },
                _file: file,
            };
            lock.write()?;
            Ok(Acquired::Mine(lock))
        }
        Err(TryLockError::WouldBlock) => Ok(Acquired::Held(read_holder(dir))),
        Err(TryLockError::Error(e)) => Err(io(dir, e)),
    }
}

/// Who holds the workspace right now, if anyone.
pub fn holder(dir: &Path) -> Option<Holder> {
    let file = File::open(dir.join(LOCK_FILE)).ok()?;
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(TryLockError::WouldBlock) => Some(read_holder(dir).unwrap_or(Holder {
            operator: String::new(),
            pid: 0,
            since: String::new(),
            station: None,
        })),
        Err(TryLockError::Error(_)) => None,
    }
}

fn read_holder(dir: &Path) -> Option<Holder> {
    std::fs::read_to_string(dir.join(HOLDER_FILE))
        .ok()
        .map(|t| Holder::parse(&t))
}

impl WorkspaceLock {
    pub fn holder(&self) -> &Holder {
        &self.holder
    }

    /// Says which station is open on screen (None: the station list).
    pub fn set_station(&mut self, station: Option<u32>) -> Result<(), StorageError> {
        if self.holder.station != station {
            self.holder.station = station;
            self.write()?;
        }
        Ok(())
    }

    fn write(&self) -> Result<(), StorageError> {
        super::write_atomic(
            &self.dir.join(HOLDER_FILE),
            self.holder.to_text().as_bytes(),
        )
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(self.dir.join(HOLDER_FILE));
    }
}

/// The current time, UTC, as `2026-03-18 21:04:05`.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Year, month, day of a day number since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_learns_who_holds_the_workspace_and_a_released_lock_frees_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Ok(Acquired::Mine(mut first)) = acquire(dir.path(), "Jansen") else {
            panic!("the first takes it");
        };
        first.set_station(Some(3)).expect("station");
        match acquire(dir.path(), "De Vries").expect("lock") {
            Acquired::Held(Some(h)) => {
                assert_eq!(h.operator, "Jansen");
                assert_eq!(h.pid, std::process::id());
                assert_eq!(h.station, Some(3));
                assert_eq!(h.since.len(), "2026-03-18 21:04:05".len(), "{}", h.since);
            }
            _ => panic!("the second is told who has it"),
        }
        assert_eq!(holder(dir.path()).and_then(|h| h.station), Some(3));
        drop(first);
        assert_eq!(holder(dir.path()), None);
        assert!(matches!(
            acquire(dir.path(), "De Vries").expect("lock"),
            Acquired::Mine(_)
        ));
    }

    #[test]
    fn a_holder_file_left_by_a_crashed_process_does_not_block() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(LOCK_FILE), "").expect("lock file");
        std::fs::write(
            dir.path().join(HOLDER_FILE),
            "operator=Weg\npid=1\nsince=2020-01-01T00:00:00Z\nstation=2\n",
        )
        .expect("stale holder");
        assert_eq!(holder(dir.path()), None);
        assert!(matches!(
            acquire(dir.path(), "Jansen").expect("lock"),
            Acquired::Mine(_)
        ));
    }

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_529), (2026, 3, 17));
    }
}
