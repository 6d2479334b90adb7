"""The Dask runner on a real two-worker LocalCluster gives exactly the single-process output."""
from __future__ import annotations

import msgspec
import pytest

from accord.errors import AccordError
from accord.pipeline import process_many
from accord.stages.read import read_paths

from conftest import sample_inputs

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_extract_equals_single_process(client, tmp_path):
    import duckdb

    from accord.tools.distributed import extract, read_parquet, read_records
    from accord.doc import encode_record

    files = [str(p) for p in sample_inputs()]
    if not files:
        pytest.skip("samples/ not there")
    out = tmp_path / "out"
    report = extract(files, out, client=client, files_per_task=3)
    expected = [i for i in process_many(read_paths(files)) if not isinstance(i, AccordError)]
    assert report.failed == []
    assert report.articles == len(expected)
    assert report.parts == len(list(out.glob("part-*.parquet"))) >= 2

    rows = duckdb.sql(f"SELECT doc_id, lang, text, record FROM '{out}/*.parquet' ORDER BY part, row").fetchall()
    assert [r[0] for r in rows] == [a.doc_id for a in expected]
    assert [r[1] for r in rows] == [a.lang for a in expected]
    for (_, _, text, record), article in zip(rows, expected):
        want = msgspec.json.decode(msgspec.json.encode(article.to_record()))
        got = msgspec.json.decode(record)
        assert text == article.text and "text" not in got  # the text is stored once, in its column
        assert got.keys() == want.keys() - {"text"}
        assert {k: got[k] for k in got if got[k] != want[k]} == {}, article.source
    # the contract records back, byte for byte what `accord extract` writes
    assert list(read_records([str(out)])) == [encode_record(a.to_record()).decode() for a in expected]
    back = list(read_parquet([str(out)]))  # what `accord ingest OUT/` stores
    assert [a.to_record() for a in back] == [a.to_record() for a in expected]

    again = extract(files, out, client=client, files_per_task=5)  # a re-run replaces, never duplicates
    assert again.articles == len(expected)
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/*.parquet'").fetchall()[0][0] == len(expected)
