"""The sample protocol (tests/support/protocol_sample.py) as its DOCX must read: (style,
text) lines written by hand from PROTOCOL.md, "The protocol as DOCX"."""

from __future__ import annotations

N, L, H1, B, T = "Normal", "Etikett", "Heading 1", "List Bullet", "Title"
SIGN = "_" * 24
BLANK = "_" * 22

# Written by hand from PROTOCOL.md ("The protocol as DOCX") for tests/support/
# protocol_sample.py: who is where follows from its roster (Edit Lund absent, Kim Vall
# serving for her, Pär Nyqvist's jäv in § 42 with Rut Sjö in his place).
FRONT = [
    (T, "Tekniska nämndens arbetsutskott"),
    (L, "Plats och tid"), (N, "Stadshuset, sal Ljusnan, 2031-03-11 kl. 13:15–15:40"),
    (L, "Beslutande"),
    (N, "Mira Holm (S), ordförande"),
    (N, "Olle Berg (M), vice ordförande"),
    (N, "Siri Dahl (S)"),
    (N, "Pär Nyqvist (C) §§ 41, 43"),
    (N, "Lina Falk (V)"),
    (N, "Jon Ström (L)"),
    (N, "Kim Vall (M) ersätter Edit Lund (SD) §§ 41–43"),
    (N, "Rut Sjö (S) ersätter Pär Nyqvist (C) § 42"),
    (L, "Övriga närvarande"),
    (N, "Rut Sjö (S), ersättare §§ 41, 43"),
    (N, "Agnes Wik, sekreterare"),
    (N, "Bo Tall, förvaltningschef"),
    (L, "Deltar på distans"), (N, "Lina Falk (V)"),
    (L, "Justerare"), (N, "Olle Berg (M)"),
    (L, "Justeringens plats och tid"), (N, "Stadshuset, 2031-03-14 kl. 10:00"),
    (L, "Underskrifter"),
    (L, "Sekreterare"), (N, SIGN), (N, "Paragrafer §§ 41–43"), (N, "Agnes Wik"),
    (L, "Ordförande"), (N, SIGN), (N, "Mira Holm"),
    (L, "Justerare"), (N, SIGN), (N, "Olle Berg"),
    (N, "ANSLAG/BEVIS"),
    (N, "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."),
    (N, "Organ"), (N, "Tekniska nämndens arbetsutskott"),
    (N, "Sammanträdesdatum"), (N, "2031-03-11"),
    (N, "Datum då anslaget sätts upp"), (N, BLANK),
    (N, "Datum då anslaget tas ned"), (N, BLANK),
    (N, "Förvaringsplats för protokollet"), (N, "Tekniska förvaltningens kansli"),
    (N, "Underskrift"), (N, BLANK),
]
AGENDA = [
    (L, "Ärendelista"),
    (N, "§ 41\tTN-2031/00007\tGång- och cykelväg etapp 1"),
    (N, "§ 42\tTN-2031/00008\tGång- och cykelväg etapp 2"),
    (N, "§ 43\tTN-2031/00009\tGång- och cykelväg etapp 3"),
]


def _decision(n: int) -> list[tuple[str, str]]:
    return [
        (H1, f"§ {n} Gång- och cykelväg etapp {n - 40}"),
        (N, f"Dnr TN-2031/{n - 34:05d}"),
        (L, "Beslut"),
        (N, "Tekniska nämndens arbetsutskott beslutar"),
        (N, "att godkänna förslaget"),
        (N, "att uppdra åt förvaltningen att genomföra det"),
    ]


CASE = [
    (L, "Ärendebeskrivning"),
    (N, "Förvaltningen har tagit fram ett förslag efter samråd med berörda."),
    (L, "Beslutsunderlag"), (B, "Tjänsteskrivelse 2031-02-20"), (B, "Karta, bilaga 1"),
]
SEND_TO = [(L, "Beslutet skickas till"), (N, "Tekniska förvaltningen"), (N, "Ekonomienheten")]

PARAGRAPH_41 = [
    *_decision(41),
    (L, "Reservation"),
    (N, "Olle Berg (M) och Kim Vall (M) reserverar sig till förmån för eget yrkande."),
    (L, "Protokollsanteckning"),
    (N, "Jon Ström (L) lämnar en protokollsanteckning: Liberalerna vill se en uppföljning."),
    *CASE,
    (L, "Yrkanden"),
    (N, "Mira Holm (S) yrkar bifall till förslaget."),
    (N, "Olle Berg (M) yrkar ändring av förslaget: att beloppet sänks till 200 000 kronor."),
    (L, "Omröstning"),
    (N, "Ja för förslaget, nej för Olle Bergs ändringsyrkande"),
    (N, "Ledamot"), (N, "Parti"), (N, "Ja"), (N, "Nej"), (N, "Avstår"),
    (N, "Mira Holm"), (N, "S"), (N, "X"),
    (N, "Olle Berg"), (N, "M"), (N, "X"),
    (N, "Siri Dahl"), (N, "S"), (N, "X"),
    (N, "Pär Nyqvist"), (N, "C"), (N, "X"),
    (N, "Lina Falk"), (N, "V"), (N, "X"),
    (N, "Jon Ström"), (N, "L"), (N, "X"),
    (N, "Kim Vall"), (N, "M"), (N, "X"),
    (N, "Med 4 ja-röster mot 3 nej-röster beslutar utskottet enligt förslaget."),
    *SEND_TO,
]
PARAGRAPH_42 = [
    *_decision(42),
    (N, "Paragrafen justeras omedelbart."),
    (L, "Jäv"), (N, "Pär Nyqvist (C) anmäler jäv och deltar inte i handläggningen."),
    (N, "Rut Sjö (S) tjänstgör i stället för Pär Nyqvist (C)."),
    *CASE,
    (L, "Yrkanden"), (N, "Siri Dahl (S) yrkar att ärendet återremitteras."),
    *SEND_TO,
]
PARAGRAPH_43 = [*_decision(43), *CASE, *SEND_TO]
PROTOCOL = FRONT + AGENDA + PARAGRAPH_41 + PARAGRAPH_42 + PARAGRAPH_43
