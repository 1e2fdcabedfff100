"""§13: the state of a ledger row folded from its own records (progress, 整改完成, the county's 核查) in the order
they were recorded, whichever site recorded each."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from zhucun_desktop.domain import supervision as sv

START = datetime(2026, 10, 15, 9, 0)


def events(*specs: tuple) -> list[sv.LedgerEvent]:
    """(kind, day of October, completed day or None), one hour apart in the order given."""
    out = []
    for i, (kind, day, *rest) in enumerate(specs):
        done = date(2026, 10, rest[0]) if rest and rest[0] else None
        out.append(sv.LedgerEvent(kind, START + timedelta(hours=i), date(2026, 10, day), done))
    return out


def test_a_row_with_no_records_is_waiting_for_rectification() -> None:
    assert sv.fold_ledger([]) == sv.LedgerStatus(sv.STATE_OPEN, None)


def test_progress_then_completion_then_a_passing_verification_closes_the_row() -> None:
    got = sv.fold_ledger(events(("进展", 15), ("整改完成", 20, 20), ("核查通过", 22)))
    assert got == sv.LedgerStatus(sv.STATE_CLOSED, date(2026, 10, 20))


def test_a_failed_verification_sends_the_row_back_and_new_progress_keeps_it_in_rectification() -> None:
    failed = events(("整改完成", 20, 20), ("核查未通过", 22), ("进展", 25))
    assert sv.fold_ledger(failed) == sv.LedgerStatus(sv.STATE_IN_PROGRESS, None)
    again = events(("整改完成", 20, 20), ("核查未通过", 22), ("进展", 25), ("整改完成", 26, 26))
    assert sv.fold_ledger(again) == sv.LedgerStatus(sv.STATE_AWAITING, date(2026, 10, 26))


def test_a_verification_counts_only_for_the_submission_it_follows() -> None:
    # recorded before the resubmission: it judged the earlier one, the new one still waits
    early = events(("整改完成", 20, 20), ("核查未通过", 22), ("整改完成", 26, 26))
    assert sv.fold_ledger(early).state == sv.STATE_AWAITING
    # recorded before any submission: nothing was pending, it changes nothing
    assert sv.fold_ledger(events(("核查通过", 12), ("进展", 15))).state == sv.STATE_IN_PROGRESS
    # dated before the 完成时间 it would judge
    assert sv.fold_ledger(events(("整改完成", 20, 20), ("核查通过", 18))).state == sv.STATE_AWAITING


def test_records_are_folded_in_recording_order_not_in_the_order_they_arrive() -> None:
    ordered = events(("进展", 15), ("整改完成", 20, 20), ("核查通过", 22))
    assert sv.fold_ledger(reversed(ordered)).state == sv.STATE_CLOSED


def test_a_note_neither_undoes_a_pending_report_nor_reopens_a_closed_row() -> None:
    assert sv.fold_ledger(events(("整改完成", 20, 20), ("进展", 21))).state == sv.STATE_AWAITING
    closed = events(("整改完成", 20, 20), ("核查通过", 22), ("进展", 23), ("整改完成", 24, 24))
    assert sv.fold_ledger(closed) == sv.LedgerStatus(sv.STATE_CLOSED, date(2026, 10, 20))
