"""The small original article the window tests open (an emoji before a quote on purpose:
Qt counts UTF-16 units, Python code points)."""

SAMPLE = (
    "Harbour Town Opens Floating Garden 🌱\n\n"
    "This is a fictional article written for a test.\n\n"
    "The harbour board 🚢 opened its floating garden on Sunday. "
    "“Every child in town should see this,” said harbourmaster Lena Brooks. "
    "The garden cost €2 million, according to the board's annual report.\n\n"
    "Critics called the project a \"vanity barge\". "
    "Brooks said the garden would pay for itself within ten years.\n"
)
QUOTE = "Every child in town should see this,"
