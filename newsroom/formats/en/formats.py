# The one date and time format editors read (newsroom/dates.py): the admin's
# lists, history pages and messages. Only DATETIME_FORMAT: dates readers see and
# the admin's input formats stay Django's.
DATETIME_FORMAT = "j F Y, H:i T"
