"""A small site for the picture tests: Mayor Jane Porter quoted in five articles over four
months, alongside council members, an engineer and a company (sentences written for the tests)."""
from __future__ import annotations

ARTICLES = {
    "bridge.md": """Title: Mayor Jane Porter opens the river bridge
Date: 2021-01-14

Mayor Jane Porter opened the new river bridge on Thursday after three years of work.

"This bridge joins two halves of our city," said Jane Porter.

"We tested every cable twice," said engineer Tomas Lindqvist of the Harbour Works Company.

Porter said the old ferry would keep running on weekends.
""",
    "budget.md": """Title: Jane Porter wins the vote on the bridge budget
Date: 2021-02-03

Mayor Jane Porter won the council vote on the bridge maintenance budget on Monday.

"Looking after what we build is cheaper than rebuilding it," said Jane Porter.

Council member Ada Osei voted against the plan. "The budget ignores the ferry," Osei said.
""",
    "ferry.md": """Title: Jane Porter keeps the weekend ferry
Date: 2021-02-20

Mayor Jane Porter kept the weekend ferry after a petition from the east bank.

"The ferry is part of who we are," said Jane Porter.

"We asked for this in the budget debate," said council member Ada Osei.

The Harbour Works Company said in a statement that the ferry pier needs new boards.
""",
    "tolls.md": """Title: No tolls on the bridge, says Jane Porter
Date: 2021-04-09

Mayor Jane Porter ruled out tolls on the river bridge on Friday.

"Nobody will pay to cross their own river," said Jane Porter.

"Tolls would have paid for the repairs," said council member Ada Osei.

Engineer Tomas Lindqvist said the bridge would need new paint within ten years.
""",
    "festival.md": """Title: Jane Porter opens the bridge festival
Date: 2021-04-24

Mayor Jane Porter opened the first bridge festival on Saturday.

"Tonight the bridge belongs to the musicians," said Jane Porter.

"We closed the deck to traffic until midnight," said Tomas Lindqvist of the Harbour Works Company.
""",
}
