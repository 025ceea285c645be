"""Telling an English text from another language (reader.provenance.language)."""

from reader.provenance.language import MIN_CHARS, english_probability, is_english

ENGLISH = ("The school in the old town is getting a new wing. Pupils who learn there will have "
           "more room from the autumn. Parents, who waited a long time for the plans, are "
           "pleased, and teachers in the old building will move over the winter.")
GERMAN = ("Die Schule in der Altstadt bekommt einen neuen Anbau. Schüler, die dort lernen, "
          "sollen ab Herbst mehr Platz haben. Die Eltern, die lange auf die Pläne gewartet "
          "haben, sind zufrieden, und die Lehrer ziehen im Winter um.")
PORTUGUESE = ("A prefeitura inaugurou a nova ponte na segunda-feira. As obras duraram três anos "
              "e custaram doze milhões de reais. Os moradores comemoram os caminhos mais curtos, e os "
              "comerciantes esperam mais clientes.")


def test_an_english_paragraph_is_english():
    assert len(ENGLISH) >= MIN_CHARS
    assert is_english(ENGLISH)
    assert english_probability(ENGLISH) > 0.9


def test_german_and_portuguese_paragraphs_are_not_english():
    for text in (GERMAN, PORTUGUESE):
        assert len(text) >= MIN_CHARS
        assert english_probability(text) < 0.01
        assert not is_english(text)


def test_a_text_too_short_to_tell_is_taken_as_english():
    assert not is_english(GERMAN)
    assert is_english("Die Eltern sind zufrieden.")
    assert is_english("   \n")


def test_preload_loads_the_identifier_in_the_background():
    import time

    from reader.provenance import language

    language._load.cache_clear()
    language.preload()
    deadline = time.monotonic() + 60
    while language._load.cache_info().currsize == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert language._load.cache_info().currsize == 1
    assert language._identifier() is language._load()
    assert not is_english(GERMAN)


def test_loading_the_analyzer_starts_loading_the_identifier(monkeypatch):
    from reader.provenance import Analyzer, language

    started = []
    monkeypatch.setattr(language, "preload", lambda: started.append(True))
    Analyzer().load()
    assert started == [True]
