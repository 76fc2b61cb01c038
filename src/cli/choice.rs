//! clap's side of the core's [`Choice`] values: a value parser that lists them
//! (in the help, the man page and the completions) and reads them, as
//! `#[arg(value_enum)]` does for a `clap::ValueEnum`.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;

use crate::choice::Choice;

/// Reads a `T` by its name; `--help` lists every name with its help.
pub struct Choices<T>(PhantomData<fn() -> T>);

impl<T> Clone for Choices<T> {
    fn clone(&self) -> Self {
        Choices(PhantomData)
    }
}

/// The value parser of an argument whose values are `T`'s.
pub fn choices<T: Choice>() -> Choices<T> {
    Choices(PhantomData)
}

fn possible<T: Choice>(value: T) -> PossibleValue {
    let named = PossibleValue::new(value.name());
    match value.help() {
        Some(help) => named.help(help),
        None => named,
    }
}

impl<T: Choice + Send + Sync> TypedValueParser for Choices<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<T, clap::Error> {
        // clap's own check and message: "invalid value 'x' for '--format <FORMAT>'"
        // with the possible values and a "did you mean".
        let name = PossibleValuesParser::new(T::VALUES.iter().map(|&v| possible(v))).parse_ref(cmd, arg, value)?;
        T::named(&name).ok_or_else(|| clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::VALUES.iter().map(|&v| possible(v))))
    }
}
