"""The learned tagger predicts with numpy's BLAS on one thread (reader.provenance.blas):
the same labels as with thinc's BLIS, to within float rounding in the probabilities."""

from thinc.api import NumpyOps

from reader.provenance.blas import one_blas_thread

TEXT = ("The mayor said on Tuesday that the bridge would reopen in May. Critics, according "
        "to a report by the county auditor, argue that the repairs were rushed. “We will not "
        "cut corners,” the engineer told reporters, adding that inspections continue.")


def _tags(analyzer, ops=None):
    nlp = analyzer.nlp
    tagger = nlp.get_pipe("provenance_tagger")
    saved = [node.ops for node in tagger.model.walk()]
    if ops is not None:
        for node in tagger.model.walk():
            node.ops = ops
    try:
        doc = nlp.make_doc(TEXT)
        for name, component in nlp.pipeline:
            doc = component(doc)
            if name == "provenance_tagger":
                return doc._.provenance_tags
    finally:
        for node, old in zip(tagger.model.walk(), saved):
            node.ops = old
    raise AssertionError("no provenance_tagger in the pipeline")


def test_the_loaded_tagger_multiplies_with_numpy_not_blis(analyzer):
    tagger = analyzer.nlp.get_pipe("provenance_tagger")
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis
               for node in tagger.model.walk())


def test_numpy_products_give_the_labels_blis_gives(analyzer):
    fast, slow = _tags(analyzer), _tags(analyzer, NumpyOps())
    assert [label for label, _ in fast] == [label for label, _ in slow]
    assert any(label != "O" for label, _ in fast)  # the text has attributions to tag
    assert max(abs(p - q) for (_, p), (_, q) in zip(fast, slow)) < 1e-4


def test_one_blas_thread_inside_and_restored_after():
    from threadpoolctl import threadpool_info

    def blas_threads():
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    assert before  # numpy links a BLAS threadpoolctl can see
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before
