//! The registry of stage types: type name → factory that builds a configured stage.

use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{BuildError, RegistryError, Stage};

/// Where a stage type comes from, shown by `--list-stages` and in error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactoryOrigin {
    /// Compiled into the runner.
    Builtin,
    /// Loaded from a dynamic library at this path.
    Plugin(PathBuf),
}

impl std::fmt::Display for FactoryOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactoryOrigin::Builtin => f.write_str("built-in"),
            FactoryOrigin::Plugin(path) => write!(f, "plugin {}", path.display()),
        }
    }
}

/// One option of a stage type, for `--list-stages` and for unknown-key suggestions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionDoc {
    /// Key in the `[[stage]]` table.
    pub name: String,
    /// Default value rendered as TOML (empty when the option has no default).
    pub default: String,
    /// One line of help.
    pub help: String,
}

/// Builds configured instances of one stage type.
pub trait StageFactory: Send + Sync {
    /// Registry key (the `type` in a `[[stage]]` table).
    fn type_name(&self) -> &str;

    /// One line saying what the stage does.
    fn description(&self) -> &str;

    /// The options the stage accepts, or `None` when it does not declare them (then the
    /// runner passes every key through and leaves validation to [`StageFactory::build`]).
    fn options(&self) -> Option<Vec<OptionDoc>>;

    /// Where the type comes from.
    fn origin(&self) -> FactoryOrigin {
        FactoryOrigin::Builtin
    }

    /// Builds a stage from its options: the `[[stage]]` table without `type`, `name`
    /// and `enabled`.
    ///
    /// # Errors
    /// A [`BuildError`] naming the offending option when one is wrong.
    fn build(&self, options: &toml::Table) -> Result<Box<dyn Stage>, BuildError>;
}

/// A stage's configuration struct: serde with `deny_unknown_fields` and defaults for
/// every option, plus one line of help per option.
pub trait StageOptions: Serialize + DeserializeOwned + Default {
    /// `(name, help)` for every option, in the order `--list-stages` shows them.
    const HELP: &'static [(&'static str, &'static str)];
}

/// Deserializes a stage's options from its table, reporting the path of a bad key.
///
/// # Errors
/// [`BuildError::Option`] with the offending key and serde's message.
pub fn parse_options<O: DeserializeOwned>(table: &toml::Table) -> Result<O, BuildError> {
    serde_path_to_error::deserialize(table.clone()).map_err(|err| {
        let path = err.path().to_string();
        BuildError::Option {
            key: (path != ".").then_some(path),
            message: err.into_inner().message().trim().to_owned(),
        }
    })
}

/// A factory for a compiled-in stage with a typed options struct: the usual way to
/// register a built-in stage in one line.
pub struct TypedFactory<O> {
    type_name: &'static str,
    description: &'static str,
    build: fn(O) -> Result<Box<dyn Stage>, BuildError>,
    options: PhantomData<fn() -> O>,
}

impl<O: StageOptions> TypedFactory<O> {
    /// A factory that parses options into `O` and calls `build`.
    pub fn new(
        type_name: &'static str,
        description: &'static str,
        build: fn(O) -> Result<Box<dyn Stage>, BuildError>,
    ) -> Self {
        TypedFactory {
            type_name,
            description,
            build,
            options: PhantomData,
        }
    }
}

impl<O: StageOptions> StageFactory for TypedFactory<O> {
    fn type_name(&self) -> &str {
        self.type_name
    }

    fn description(&self) -> &str {
        self.description
    }

    fn options(&self) -> Option<Vec<OptionDoc>> {
        let defaults = toml::Table::try_from(O::default()).unwrap_or_default();
        Some(
            O::HELP
                .iter()
                .map(|(name, help)| OptionDoc {
                    name: (*name).to_owned(),
                    default: defaults
                        .get(*name)
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    help: (*help).to_owned(),
                })
                .collect(),
        )
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Stage>, BuildError> {
        (self.build)(parse_options(options)?)
    }
}

/// Every stage type the runner can build, built-in and plugin alike, by type name.
#[derive(Default)]
pub struct Registry {
    factories: BTreeMap<String, Box<dyn StageFactory>>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a stage type.
    ///
    /// # Errors
    /// [`RegistryError::Duplicate`] when the type name is taken.
    pub fn register(&mut self, factory: Box<dyn StageFactory>) -> Result<(), RegistryError> {
        let name = factory.type_name().to_owned();
        if let Some(existing) = self.factories.get(&name) {
            return Err(RegistryError::Duplicate {
                name,
                existing: existing.origin().to_string(),
                new: factory.origin().to_string(),
            });
        }
        self.factories.insert(name, factory);
        Ok(())
    }

    /// The factory for `type_name`.
    pub fn get(&self, type_name: &str) -> Option<&dyn StageFactory> {
        self.factories.get(type_name).map(Box::as_ref)
    }

    /// All factories, sorted by type name.
    pub fn iter(&self) -> impl Iterator<Item = &dyn StageFactory> {
        self.factories.values().map(Box::as_ref)
    }

    /// The registered type name closest to `wrong`, if one is close enough.
    pub fn suggest(&self, wrong: &str) -> Option<&str> {
        suggest(wrong, self.factories.keys().map(String::as_str))
    }
}

/// The candidate closest to `wrong` by edit similarity, if it is plausibly a typo of it.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wrong_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, StageError, StageMeta};
    use serde::Deserialize;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    struct EchoOptions {
        min_chars: usize,
        label: Option<String>,
    }
    impl Default for EchoOptions {
        fn default() -> Self {
            EchoOptions {
                min_chars: 40,
                label: None,
            }
        }
    }
    impl StageOptions for EchoOptions {
        const HELP: &'static [(&'static str, &'static str)] = &[
            ("min_chars", "shortest block kept"),
            ("label", "optional label"),
        ];
    }

    struct Echo(StageMeta);
    impl Stage for Echo {
        fn meta(&self) -> &StageMeta {
            &self.0
        }
        fn process(&self, _doc: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    fn echo_factory() -> Box<dyn StageFactory> {
        Box::new(TypedFactory::<EchoOptions>::new(
            "echo",
            "does nothing",
            |o| {
                Ok(Box::new(Echo(StageMeta::new(
                    "echo",
                    &o.min_chars.to_string(),
                    "",
                ))))
            },
        ))
    }

    #[test]
    fn typed_factory_lists_options_with_defaults() {
        let opts = echo_factory().options().unwrap();
        assert_eq!(opts[0].name, "min_chars");
        assert_eq!(opts[0].default, "40");
        assert_eq!(
            opts[1].default, "",
            "an Option with no default renders empty"
        );
    }

    #[test]
    fn bad_option_names_its_key() {
        let table: toml::Table = toml::from_str("min_chars = \"many\"").unwrap();
        let err = echo_factory().build(&table).err().unwrap();
        match err {
            BuildError::Option { key, message } => {
                assert_eq!(key.as_deref(), Some("min_chars"));
                assert!(message.contains("invalid type"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let table: toml::Table = toml::from_str("min_chars = 3").unwrap();
        let stage = echo_factory().build(&table).unwrap();
        assert_eq!(stage.meta().version, "3");
    }

    #[test]
    fn duplicates_are_refused_and_typos_get_suggestions() {
        let mut reg = Registry::new();
        reg.register(echo_factory()).unwrap();
        let err = reg.register(echo_factory()).unwrap_err();
        assert!(err.to_string().contains("already registered"));
        assert_eq!(reg.suggest("ecoh"), Some("echo"));
        assert_eq!(reg.suggest("numbers"), None);
        assert_eq!(suggest("quotse", ["quotes", "numbers"]), Some("quotes"));
        assert_eq!(
            suggest("boilerplat", ["quotes", "boilerplate"]),
            Some("boilerplate")
        );
    }
}
