//! The pre-mortem's judgments: how much time is left ([`window`]), the dated plan
//! ([`plan`]), the open commitments ([`open`]), the owner's record ([`record`]) and the
//! stale proof ([`proof`]) and the calibration-readiness steps ([`readiness`]). The report's context, built from these, is
//! `report::premortem::Premortem`; its PDF page is `render/pdf/pages/premortem.rs`.

pub mod open;
pub mod plan;
pub mod private_proof;
pub mod proof;
pub mod readiness;
pub mod record;
pub mod window;

pub use open::OpenCommitment;
pub use private_proof::PrivateStrongest;
pub use proof::StaleProof;
pub use readiness::ReadinessStep;
pub use record::Record;
pub use window::Window;
