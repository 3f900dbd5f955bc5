#pragma once

#include "incomingjournal.h"
#include "jobjournal.h"

#include <QJsonArray>
#include <QJsonObject>

namespace einvoice {

/// JSON forms of jobs, events and engine status: what the control socket carries and what
/// `einvoice queue ... --json` prints. Field names are stable (scripts depend on them).
namespace JobJson {
QJsonObject job(const Job &job);
QJsonObject event(const JobEvent &event);
QJsonArray events(const QList<JobEvent> &events);
QJsonObject counts(const QMap<JobState, int> &counts);
/// An incoming invoice (`einvoice incoming list --json`).
QJsonObject incoming(const IncomingRecord &record);
} // namespace JobJson

} // namespace einvoice
