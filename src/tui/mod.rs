//! The count-night interface: a thin ratatui shell (Elm shape: one [`App`], a
//! [`Msg`] enum, a pure [`App::update`] returning [`Effect`]s, a [`view()`] that only
//! draws) over the domain modules. The runtime ([`run`]) reads keys, carries out
//! the effects through the [`Workspace`](crate::storage::Workspace) and redraws.

pub mod app;
pub mod board;
pub mod desk;
pub mod flow;
pub mod keys;
pub mod phone;
pub mod phone_view;
mod phone_words;
pub mod runtime;
pub mod say;
mod style;
pub mod text;
pub mod view;

pub use app::{App, DoneAction, Effect, Msg, Screen, ScreenKind};
pub use flow::Step;
pub use phone::PhoneScreen;
pub use runtime::{execute, run, run_with_printing};
pub use view::view;
