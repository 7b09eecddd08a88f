"""``newsgraph analyse`` on a Dask LocalCluster (2 one-thread worker processes), then the Pelican build.

One cluster is shared by the module's tests (its start-up and each worker's model load cost a few
seconds). Skipped when Dask is not installed (``pip install 'newsgraph[dask]'``).
"""
import os
import signal

import pytest
from sitebuild import article, build, site_settings

distributed = pytest.importorskip("distributed")

ARTICLES = {
    "council": article("Council votes", '"We did our job," said Councilwoman Ann Lee after the vote. '
                       "The mayor said the bridge would reopen in May.", date="2021-05-01"),
    "port": article("Port reopens", '"Ships are moving again," said Raj Patel, the port director. '
                    "He said the cranes were repaired overnight.", date="2021-05-02"),
    "library": article("Library hours", "The library will open at nine. Children's hour is on Saturdays.",
                       date="2021-05-03"),
    "storm": article("Storm warning", '"Stay off the roads tonight," the county sheriff, Maria Gomez, told '
                     "reporters. Forecasters said the snow would stop by noon.", date="2021-05-04"),
    "off": article("Not analysed", '"Nothing to see," said Tom Baker.', date="2021-05-05", newsgraph="off"),
}


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def write_site(tmp_path, articles: dict[str, str]) -> tuple[str, str]:
    """The content folder and a settings file equal to what ``sitebuild.build`` uses."""
    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (content / f"{name}.md").write_text(text, encoding="utf-8")
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(f"globals().update({site_settings(tmp_path)!r})\n", encoding="utf-8")
    return str(content), str(conf)


def cache_entries(tmp_path) -> list:
    return sorted((tmp_path / "cache" / "newsgraph").glob("*/*.json"))


def tree(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_analyse_then_build_analyses_nothing_and_matches_a_single_process_build(tmp_path, client, capsys):
    from newsgraph.cli import main

    single = build(tmp_path / "single", ARTICLES)
    assert single.stats == (4, 4, 0)

    content, conf = write_site(tmp_path / "dask", ARTICLES)
    assert main(["analyse", content, "-s", conf, "--scheduler", client.scheduler_info()["address"],
                 "--batch-size", "2"]) == 0
    assert "newsgraph: 4 of 4 articles analysed, 0 from cache (2 workers" in capsys.readouterr().err
    assert len(cache_entries(tmp_path / "dask")) == 4                  # the 'Newsgraph: off' one is skipped
    after = build(tmp_path / "dask", ARTICLES)
    assert after.stats == (0, 4, 4)
    want, got = tree(single.output), tree(after.output)
    assert sorted(got) == sorted(want)
    assert [name for name in want if want[name] != got[name]] == []
    assert "Ann Lee" in after.read("speakers/index.html")

    # a second run finds everything cached and needs no cluster at all
    assert main(["analyse", content, "-s", conf, "--scheduler", "tcp://127.0.0.1:9"]) == 0
    assert "newsgraph: 0 of 4 articles analysed, 4 from cache" in capsys.readouterr().err


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(tmp_path, client):
    from pelican.plugins.newsgraph.distributed import analyse_site

    arts = {f"story{i}": article(f"Story {i}", f'"We counted {i} boats today," said harbour master Lena Ortiz. '
                                 f"The count was {i * 7}.", date=f"2021-06-{i + 1:02d}") for i in range(8)}
    content, conf = write_site(tmp_path, arts)
    before = set(client.run(os.getpid).values())
    killed = []

    def kill_a_busy_worker(_keys):
        if killed:
            return
        busy = [w for w, tasks in client.processing().items() if tasks]
        if not busy:
            return
        pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    report = analyse_site(content, conf, client=client, batch_size=1, progress=False, on_batch=kill_a_busy_worker)
    assert killed and killed[0] in before
    assert report.analysed == 8 and not report.failed
    assert len(report.written) == len(set(report.written)) == 8       # every article once
    assert len(cache_entries(tmp_path)) == 8
    client.wait_for_workers(2, timeout=120)                            # the nanny restarted it
    assert killed[0] not in set(client.run(os.getpid).values())
    assert build(tmp_path, arts).stats == (0, 8, 8)


def test_an_interrupted_run_resumes_from_the_cache(tmp_path, client):
    from pelican.plugins.newsgraph.distributed import analyse_site

    content, conf = write_site(tmp_path, ARTICLES)

    def stop(_keys):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        analyse_site(content, conf, client=client, batch_size=1, progress=False, on_batch=stop)
    done = len(cache_entries(tmp_path))
    assert 1 <= done < 4
    report = analyse_site(content, conf, client=client, batch_size=1, progress=False)
    assert (report.cached, report.analysed) == (done, 4 - done)


def test_a_worker_that_cannot_load_the_model_fails_the_run_clearly(tmp_path, client):
    from pelican.plugins.newsgraph.distributed import AnalyseError, analyse_site

    content, conf = write_site(tmp_path, ARTICLES)

    def break_model():
        import pelican.plugins.newsgraph.distributed as d

        import newsgraph.engine.nlp as n

        def load(name=None):
            raise OSError("[E050] Can't find model 'en_core_web_sm'")
        n._real_load, n.load = n.load, load
        d._engine.cache_clear()

    def mend_model():
        import pelican.plugins.newsgraph.distributed as d

        import newsgraph.engine.nlp as n
        n.load = n._real_load
        d._engine.cache_clear()

    client.run(break_model)
    try:
        with pytest.raises(AnalyseError, match=r"cannot load the spaCy pipeline en_core_web_sm: OSError: \[E050\]"):
            analyse_site(content, conf, client=client, progress=False)
    finally:
        client.run(mend_model)
    assert cache_entries(tmp_path) == []


def test_workers_with_other_versions_are_refused(tmp_path, client):
    from pelican.plugins.newsgraph.distributed import AnalyseError, analyse_site

    content, conf = write_site(tmp_path, ARTICLES)

    def other_engine():
        import pelican.plugins.newsgraph.distributed as d
        d._real_version, d.ENGINE_VERSION = d.ENGINE_VERSION, "0.0.1"
        d._identity_cached.cache_clear()

    def same_engine():
        import pelican.plugins.newsgraph.distributed as d
        d.ENGINE_VERSION = d._real_version
        d._identity_cached.cache_clear()

    client.run(other_engine)
    try:
        with pytest.raises(AnalyseError, match=r"differs from the client: engine '0\.0\.1' here"):
            analyse_site(content, conf, client=client, progress=False)
    finally:
        client.run(same_engine)
    assert cache_entries(tmp_path) == []


def test_with_a_shared_cache_the_workers_write_the_entries(tmp_path, client):
    from pelican.plugins.newsgraph.distributed import analyse_site

    content, conf = write_site(tmp_path, ARTICLES)
    report = analyse_site(content, conf, client=client, batch_size=2, progress=False, shared_cache=True)
    assert report.analysed == 4 and len(set(report.written)) == 4
    assert len(cache_entries(tmp_path)) == 4
    assert build(tmp_path, ARTICLES).stats == (0, 4, 4)
