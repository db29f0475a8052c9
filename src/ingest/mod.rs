//! Ingestion, along its data flow: page bytes from the web ([`fetch`],
//! honouring [`robots`]) or from files ([`files`]) are
//! decoded to text ([`decode`]) and turned into an article — main text by
//! paragraph, headline, authors ([`byline`], and Chinese credit lines:
//! [`zh_credits`]), publisher, dates ([`dates`]), language,
//! canonical URL ([`extract`]) — and saved as a version of its source
//! ([`save`]), whose changes [`diff`] shows paragraph by paragraph. A
//! stored version's claims can be found again by a later build
//! ([`reattribute`]), as far as its ingest chose to read them ([`reading`]).

pub mod blocks;
pub mod byline;
pub mod dates;
pub mod decode;
pub mod diff;
pub mod extract;
pub mod fetch;
pub mod files;
pub mod neardup;
pub mod reading;
pub mod reattribute;
pub mod robots;
pub mod save;
pub mod zh_credits;
