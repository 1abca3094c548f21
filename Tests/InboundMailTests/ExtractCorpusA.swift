import InboundMail

/// Corpus part A: English inquiries of every tone, plus German, French, Spanish, Portuguese and Afrikaans dates.
enum ExtractCorpusA {
    static let cases: [LabelledInquiry] = [
        LabelledInquiry(
            "A01 family Zanzibar range", subject: "Zanzibar holiday",
            """
            Hi there,

            We are looking for a quote for Zanzibar from 10-17 September 2027 for 2 adults and 2 children \
            (ages 7 and 10). Our budget is R60,000 total.

            Kind regards,
            Sarah Jacobs
            082 555 1234
            """, destination: "Zanzibar", checkIn: "2027-09-10", checkOut: "2027-09-17", adults: 2, children: 2,
            ages: [7, 10], budget: money(60_000, "ZAR")),
        LabelledInquiry(
            "A02 honeymoon nights", subject: "Mauritius honeymoon",
            """
            Hello!
            My fiancé and I are getting married in November and would love to spend our honeymoon in Mauritius. \
            We'd arrive 12 November 2027 and stay 7 nights. Budget around $9k for the two of us.
            Thanks,
            James
            """, destination: "Mauritius", checkIn: "2027-11-12", checkOut: "2027-11-19", adults: 2, children: 0,
            budget: money(9_000, "USD")),
        LabelledInquiry(
            "A03 terse pax slashes", subject: "CPT trip",
            "Hi, 4 pax to Cape Town 15/08/2027 to 22/08/2027. R 60 000 pp. Thanks",
            destination: "Cape Town", checkIn: "2027-08-15", checkOut: "2027-08-22", adults: 4, children: 0,
            budget: money(60_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "A04 US date order family of four", subject: "Vic Falls",
            """
            Hello, we're a family of four (2 kids) wanting to visit Vic Falls 08/15/2027 - 08/20/2027. Budget USD 5000.
            """, destination: "Victoria Falls", checkIn: "2027-08-15", checkOut: "2027-08-20", adults: 2, children: 2,
            budget: money(5_000, "USD")),
        LabelledInquiry(
            "A05 typo Maldives ordinal range", subject: "Honeymoon in the Maldivs",
            """
            Honeymoon in the Maldivs - 3rd to the 6th of June 2027. Just the two of us, budget €15,000.
            """, destination: "Maldives", checkIn: "2027-06-03", checkOut: "2027-06-06", adults: 2, children: 0,
            budget: money(15_000, "EUR")),
        LabelledInquiry(
            "A06 safari a week from", subject: "Safari",
            """
            Good day

            I'd like to book a safari in Kruger National Park for a week from 12 April 2027. There will be 2 adults, \
            1 child aged 5.

            Regards
            Pieter van der Merwe
            """, destination: "Kruger", checkIn: "2027-04-12", checkOut: "2027-04-19", adults: 2, children: 1,
            ages: [5], budget: nil),
        LabelledInquiry(
            "A07 group per person", subject: "Group trip",
            """
            Hi team, we are a group of 6 friends looking at Bali for 10 nights from 3 March 2027. Our budget is \
            about 25000 USD per person.
            """, destination: "Bali", checkIn: "2027-03-03", checkOut: "2027-03-13", adults: 6, children: 0,
            budget: money(25_000, "USD", perPerson: true)),
        LabelledInquiry(
            "A08 German vom bis", subject: "Anfrage Santorini",
            """
            Guten Tag,

            wir möchten vom 3. bis 10. Juli 2027 nach Santorini reisen. Wir sind 2 Erwachsene und 1 Kind (8 Jahre).
            Budget: 4000 EUR.

            Mit freundlichen Grüßen
            Klaus Becker
            """, destination: "Santorini", checkIn: "2027-07-03", checkOut: "2027-07-10", adults: 2, children: 1,
            ages: [8], budget: money(4_000, "EUR")),
        LabelledInquiry(
            "A09 French du au", subject: "Demande de devis",
            """
            Bonjour,
            Nous aimerions réserver un séjour à Zanzibar du 3 au 10 juillet 2027 pour 2 adultes et 2 enfants \
            (5 et 9 ans). Budget 6000 euros.
            Cordialement,
            Marie Dupont
            """, destination: "Zanzibar", checkIn: "2027-07-03", checkOut: "2027-07-10", adults: 2, children: 2,
            ages: [5, 9], budget: money(6_000, "EUR")),
        LabelledInquiry(
            "A10 Spanish del al", subject: "Viaje a Bali",
            """
            Hola, queremos viajar a Bali del 10 al 20 de agosto de 2027, somos 2 adultos. Presupuesto 3000 USD \
            por persona.
            """, destination: "Bali", checkIn: "2027-08-10", checkOut: "2027-08-20", adults: 2, children: 0,
            budget: money(3_000, "USD", perPerson: true)),
        LabelledInquiry(
            "A11 Portuguese julho", subject: "Férias",
            """
            Olá! Gostaríamos de ir para Mauritius de 5 a 12 de julho de 2027. Somos 2 adultos e 1 criança de 4 anos.
            Orçamento 8000 EUR.
            """, destination: "Mauritius", checkIn: "2027-07-05", checkOut: "2027-07-12", adults: 2, children: 1,
            ages: [4], budget: money(8_000, "EUR")),
        LabelledInquiry(
            "A12 Afrikaans Kaapstad", subject: "Vakansie",
            """
            Goeie môre, ons wil graag Kaapstad toe gaan van 12 tot 19 Desember 2027. Ons is 2 volwassenes en \
            2 kinders (6 en 8). Begroting R45 000.
            """, destination: "Cape Town", checkIn: "2027-12-12", checkOut: "2027-12-19", adults: 2, children: 2,
            ages: [6, 8], budget: money(45_000, "ZAR")),
        LabelledInquiry(
            "A13 forwarded by an agent", subject: "Fwd: Family trip",
            """
            FYI - please quote

            ---------- Forwarded message ---------
            From: Thandi Nkosi <thandi.nkosi@example.com>
            Date: Mon, 11 Jan 2027 at 09:12
            Subject: Family trip
            To: info@sunsettravel.example

            Hi,

            Could you send me a quote for Mauritius, 20 Dec - 3 Jan? We are 2 adults, 3 kids aged 4, 9 and 12. \
            Budget R120k all in.

            Thanks
            Thandi
            """, destination: "Mauritius", checkIn: "2027-12-20", checkOut: "2028-01-03", adults: 2, children: 3,
            ages: [4, 9, 12], budget: money(120_000, "ZAR")),
        LabelledInquiry(
            "A14 reply above quoted text", subject: "Re: Your Bali quote",
            """
            Yes please go ahead, and add my mother too so it's 3 adults now.

            On Tue, 12 Jan 2027 at 10:00, Sunset Travel <info@sunset.example> wrote:
            > Dear Mike,
            > Thank you for your inquiry about Bali from 5-15 May 2027 for 2 adults.
            > Kind regards, Sunset Travel
            """, destination: "Bali", checkIn: "2027-05-05", checkOut: "2027-05-15", adults: 3, children: 0,
            budget: nil),
        LabelledInquiry(
            "A15 web form labels", subject: "New website lead",
            """
            QUOTE REQUEST

            Destination: Zanzibar (Nungwi)
            Check-in: 2027-08-15
            Check-out: 2027-08-22
            Adults: 2
            Children: 1
            Child ages: 3
            Budget: ZAR 80,000
            Name: Lerato Mokoena
            Email: lerato@example.co.za
            Phone: +27 82 555 1234
            """, destination: "Zanzibar", checkIn: "2027-08-15", checkOut: "2027-08-22", adults: 2, children: 1,
            ages: [3], budget: money(80_000, "ZAR")),
        LabelledInquiry(
            "A16 typo Zanzibr nights starting", subject: "Zanzibr trip",
            """
            Hi we want to go to Zanzibr for 5 nights starting 1 October 2027, 2 adults. Budget R30000 per person
            """, destination: "Zanzibar", checkIn: "2027-10-01", checkOut: "2027-10-06", adults: 2, children: 0,
            budget: money(30_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "A17 month only, no day invented", subject: "Mauritus",
            """
            My husband and me want 7 nights in Mauritus in March. What would you suggest?
            """, destination: "Mauritius", checkIn: nil, checkOut: nil, adults: 2, children: 0, budget: nil),
        LabelledInquiry(
            "A18 solo myself only", subject: "Solo trip",
            """
            Hi, solo traveller here. Looking at Cape Town 1-5 Feb 2027, myself only. Budget about R15k.
            """, destination: "Cape Town", checkIn: "2027-02-01", checkOut: "2027-02-05", adults: 1, children: 0,
            budget: money(15_000, "ZAR")),
        LabelledInquiry(
            "A19 baby of 10 months dotted dates", subject: "Maldives with baby",
            """
            Hello, we are 2 adults with a baby of 10 months, looking at the Maldives from 12.09.2027 to 19.09.2027.
            Budget: $12,000.
            """, destination: "Maldives", checkIn: "2027-09-12", checkOut: "2027-09-19", adults: 2, children: 1,
            ages: [0], budget: money(12_000, "USD")),
        LabelledInquiry(
            "A20 toddler and son", subject: "Family trip to Kruger Park",
            """
            Family trip to Kruger Park: me, my wife, our son (6) and a toddler (18 months). 14-18 April.
            """, destination: "Kruger", checkIn: "2027-04-14", checkOut: "2027-04-18", adults: 2, children: 2,
            ages: [6, 1], budget: nil),
        LabelledInquiry(
            "A21 party of 5 US$", subject: "Victoria Falls",
            """
            Party of 5 adults heading to Victoria Falls, 22-26 November 2027, around US$9,000 total.
            """, destination: "Victoria Falls", checkIn: "2027-11-22", checkOut: "2027-11-26", adults: 5, children: 0,
            budget: money(9_000, "USD")),
        LabelledInquiry(
            "A22 eight of us mid-June each", subject: "Santorini 2027",
            """
            Hey! There's 8 of us (all adults) keen on a Santorini trip, sometime mid-June 2027, about 7 nights. \
            Budget €2,500 each.
            """, destination: "Santorini", checkIn: nil, checkOut: nil, adults: 8, children: 0,
            budget: money(2_500, "EUR", perPerson: true)),
    ]
}
