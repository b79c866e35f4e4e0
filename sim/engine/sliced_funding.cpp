#include "engine/sliced_funding.hpp"

#include "coron/byte_pack.hpp"

#include <numeric>

namespace coron::engine {

namespace {

/// `column`'s values at `rows`, in their order.
template <class T>
std::vector<T> at_rows(const std::vector<T>& column, const std::vector<std::size_t>& rows) {
  std::vector<T> values;
  values.reserve(rows.size());
  for (const std::size_t i : rows) values.push_back(column[i]);
  return values;
}

/// Row `from_row` of `from` into row `to_row` of `to`, every column.
void copy_row(DwellingState& to, std::size_t to_row, const DwellingState& from, std::size_t from_row) {
#define CORON_COPY_ROW(T, name, unit, spec, text) to.name[to_row] = from.name[from_row];
  CORON_THERMAL_COLUMNS(CORON_COPY_ROW)
  CORON_HOUSEHOLD_COLUMNS(CORON_COPY_ROW)
  CORON_WORKS_COLUMNS(CORON_COPY_ROW)
  CORON_OUTPUT_COLUMNS(CORON_COPY_ROW)
#undef CORON_COPY_ROW
}

/// This slice's candidates: their rows in the whole stock, operation, turn, stock and state
/// rows and packages.
std::vector<std::byte> pack_candidates(const DwellingState& state, const YearContext& context) {
  const SliceExchange& slices = *context.slices;
  const ReplicateBooks& books = *context.books;
  const WorksPlan& plan = *context.works;
  const std::vector<std::size_t>& own = books.candidates;
  const std::size_t first = slices.first_dwelling(slices.slice());
  std::vector<std::int64_t> rows;
  rows.reserve(own.size());
  for (const std::size_t i : own) rows.push_back(static_cast<std::int64_t>(first + i));
  BytePacker out;
  out.put(rows);
  out.put(at_rows(plan.operation, own));
  out.put(at_rows(plan.due_year, own));
  out.put(at_rows(books.operation_done, own));
  for_each_column(context.stock,
                  [&](const ColumnInfo&, const auto& column) { out.put(at_rows(column, own)); });
  for_each_column(state, [&](const ColumnInfo&, const auto& column) { out.put(at_rows(column, own)); });
  out.put(books.choices);
  return out.take();
}

/// Every slice's candidates, in slice order, into `all`.
void unpack_candidates(const std::vector<std::vector<std::byte>>& gathered, SlicedCandidates& all) {
  const auto clear = [](const ColumnInfo&, auto& column) { column.clear(); };
  all.row.clear();
  all.plan->operation.clear();
  all.plan->due_year.clear();
  all.operation_done.clear();
  all.choices.clear();
  for_each_column(all.stock, clear);
  for_each_column(all.state, clear);
  for (const std::vector<std::byte>& bytes : gathered) {
    ByteUnpacker in(bytes);
    in.append_to(all.row);
    in.append_to(all.plan->operation);
    in.append_to(all.plan->due_year);
    in.append_to(all.operation_done);
    const auto append = [&](const ColumnInfo&, auto& column) { in.append_to(column); };
    for_each_column(all.stock, append);
    for_each_column(all.state, append);
    in.append_to(all.choices);
    in.expect_end();
  }
  all.priced_slot.assign(all.row.size(), 0);
}

}  // namespace

void fund_over_slices(DwellingState& state, const YearContext& context, StepFunction budget_and_funding) {
  const SliceExchange& slices = *context.slices;
  ReplicateBooks& books = *context.books;
  if (!books.sliced) {
    books.sliced = std::make_shared<SlicedCandidates>();
    books.sliced->stock.cites = context.stock.cites;
    books.sliced->plan = std::make_unique<WorksPlan>(*context.works);
  }
  SlicedCandidates& all = *books.sliced;
  unpack_candidates(slices.all_gather(pack_candidates(state, context)), all);

  // The slice's candidates and per-dwelling books stand aside while the budget and the
  // funding run over every slice's candidates, numbered 0 .. n - 1 in stock order.
  const std::size_t n = all.row.size();
  std::vector<std::size_t> everyone(n);
  std::iota(everyone.begin(), everyone.end(), std::size_t{0});
  books.candidates.swap(everyone);
  books.choices.swap(all.choices);
  books.operation_done.swap(all.operation_done);
  books.priced.slot.swap(all.priced_slot);
  const YearContext over_all{all.stock,       context.thermal, context.demography, context.economics,
                             context.factors, context.year,    context.key,        context.blocks,
                             all.plan.get(),  &books,          context.hourly,     nullptr};
  budget_and_funding(all.state, over_all);
  books.operation_done.swap(all.operation_done);
  books.priced.slot.swap(all.priced_slot);
  books.candidates.clear();  // the funded of every slice: nothing later in the year reads them
  books.choices.clear();

  // What befell this slice's own.
  const std::size_t first = slices.first_dwelling(slices.slice());
  const std::size_t end = first + state.size();
  for (std::size_t c = 0; c < n; ++c) {
    const auto row = static_cast<std::size_t>(all.row[c]);
    if (row < first || row >= end) continue;
    const std::size_t i = row - first;
    copy_row(state, i, all.state, c);
    books.operation_done[i] = all.operation_done[c];
    if (all.priced_slot[c] < 0) books.priced.slot[i] = -1;
  }
  for (std::int64_t& row : books.year_works.row) row = all.row[static_cast<std::size_t>(row)];
}

}  // namespace coron::engine
