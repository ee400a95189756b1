"""The events of quick help (docs/architecture.md, Events).

question_solved(question): the association marked it solved; its helpers' hours are
    credited (`models.Credit`). Sent by `services.question_solve`, inside the transaction.
answer_published(public_answer): a moderator approved a public answer; it credits its
    helper on her book. Sent by `services.public_answer_publish`, inside the transaction.
"""

from django.dispatch import Signal

question_solved = Signal()
answer_published = Signal()
