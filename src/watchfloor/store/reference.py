"""Reference lists in the SQL store: imported datasets of known entities (sanctions lists and the like)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, select

from watchfloor.store.base import ReferenceEntity
from watchfloor.store.engine import SqlSessions
from watchfloor.store.rows import now
from watchfloor.store.tables import ReferenceEntityRow


class ReferenceMixin(SqlSessions):
    """Replacing a dataset's reference entities, and reading them back."""

    def add_reference_entities(self, dataset: str, entities: Iterable[ReferenceEntity]) -> int:
        count = 0
        with self._write.begin() as session:
            session.execute(delete(ReferenceEntityRow).where(ReferenceEntityRow.dataset == dataset))
            imported = now()
            for entity in entities:
                session.add(
                    ReferenceEntityRow(
                        dataset=dataset,
                        id=entity.id,
                        schema=entity.schema,
                        caption=entity.caption,
                        names=entity.names,
                        data=entity.data,
                        imported_at=imported,
                    )
                )
                count += 1
                if count % 1000 == 0:
                    session.flush()
        return count

    def reference_entities(self, dataset: str | None = None) -> Iterator[ReferenceEntity]:
        statement = select(ReferenceEntityRow).order_by(ReferenceEntityRow.dataset, ReferenceEntityRow.id)
        if dataset:
            statement = statement.where(ReferenceEntityRow.dataset == dataset)
        with self._read() as session:
            for row in session.scalars(statement.execution_options(yield_per=1000)):
                yield ReferenceEntity(row.dataset, row.id, row.schema, row.caption, list(row.names), row.data)
