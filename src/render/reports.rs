//! Which report contexts the renderers know, and the template each renders from: the
//! renderer layer reads the report contexts (`src/report/`), never the other way round.
//! The packet and the pre-mortem also have a PDF page, under `pdf/pages/`.

impl super::Report for crate::report::agenda::Agenda {
    const NAME: &'static str = "agenda";
}

impl super::Report for crate::report::commitments::Commitments {
    const NAME: &'static str = "commitments";
}

impl super::Report for crate::report::competencies::CompetenciesReport {
    const NAME: &'static str = "competencies";
}

impl super::Report for crate::report::health::Health {
    const NAME: &'static str = "health";
}

impl super::Report for crate::report::map::MapReport {
    const NAME: &'static str = "map";
}

impl super::Report for crate::report::objections::ObjectionsReport {
    const NAME: &'static str = "objections";
}

impl super::Report for crate::report::recap::Recap {
    const NAME: &'static str = "recap";
}

impl super::Report for crate::report::restate::RestateReport {
    const NAME: &'static str = "restate";
}
