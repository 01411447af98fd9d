//! Durable storage for the log: atomic writes, the writers' lock, backups and private permissions.
//!
//! Writing a log without ever losing a byte: whole-file atomic and durable
//! replacement ([`write_atomic`]), an advisory lock that serialises writers
//! ([`Lock`]), a backup before any rewrite that is not a pure insertion
//! ([`backup`]), and private permissions for everything promo creates.
//!
//! A command that changes a log follows one order: [`resolve`] the path (a
//! symlinked log is written through to its target), [`ensure_writable`],
//! take the [`Lock`], read and check the log, compute the new bytes, then
//! [`write_atomic`] while the lock is still held.

mod atomic;
mod backup;
mod error;
mod guard;
mod lock;
mod permissions;
mod writer;

pub use atomic::{
    check_log_size, resolve, sweep_unlocked, write_atomic, write_atomic_with, write_log, write_new,
    write_new_with,
};
pub use backup::{backup, backup_path};
pub use error::StoreError;
pub use guard::{guard_output, kind_of, write_output};
pub use lock::{LOCK_WAIT, Lock, lock_path};
pub use permissions::{
    PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, create_private_dir_all, ensure_writable,
};
pub use writer::{
    DirectWriter, FAIL_WRITE_AFTER_ENV, FailAfter, PausingWriter, WRITE_PAUSE_MS_ENV, Writer,
    writer_from_env,
};
