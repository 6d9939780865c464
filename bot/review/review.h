// The post-incident review (DESIGN section 7): one document generated from the database alone,
// as Markdown through templates/review.md.mustache, or as a whole HTML page through cmark.
// Exports ReviewFormat and render_review.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/store.h"
#include "storage/time.h"
#include "templates/templates.h"

namespace warroom::bot {

enum class ReviewFormat { markdown, html };

// Renders the review of INC-`number` as it stands at `now` (durations of an incident still
// open run to `now`). Reads only; the caller owns the transaction. nullopt: no such incident.
// A broken or unreadable template throws std::runtime_error naming the template file.
std::optional<std::string> render_review(storage::Store& store, std::int64_t number,
                                         ReviewFormat format, const templates::Templates& templates,
                                         TimePoint now);

}  // namespace warroom::bot
