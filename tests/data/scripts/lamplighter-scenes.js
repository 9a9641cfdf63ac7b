window.scripts.lamplighter = {
    name: "The Lamplighter's Daughter",
    scenes: [
        {
            name: "EXT. HARBOUR WALL - DAY",
            location: "EXT. HARBOUR WALL",
            characters: [
                "ORLA",
                "TEDDY"
            ],
            script: [
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "Still standing, then. One of us is."
                },
                {
                    "character": [
                        "TEDDY (O.S.)"
                    ],
                    "dialog": "That wall's been condemned since ninety-eight."
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "You used to climb it barefoot."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "I used to do a lot of stupid things. Most of them for you."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "How long are you staying?"
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "Until they sell the lighthouse. Dad's things are still up there."
                }
            ]
        },
        {
            name: "INT. LIGHTHOUSE - NIGHT - FLASHBACK",
            location: "INT. LIGHTHOUSE - NIGHT",
            characters: [
                "YOUNG ORLA",
                "ABEL"
            ],
            script: [
                {
                    "character": [
                        "YOUNG ORLA"
                    ],
                    "dialog": "Why do we still light it? The boats have radar now."
                },
                {
                    "character": [
                        "ABEL"
                    ],
                    "dialog": "Radar doesn't know anybody's name."
                },
                {
                    "character": [
                        "YOUNG ORLA"
                    ],
                    "dialog": "What if I never come back here?"
                },
                {
                    "character": [
                        "ABEL"
                    ],
                    "dialog": "Then somebody else keeps it lit. That's the whole trick, Orla."
                }
            ]
        },
        {
            name: "INT. PIER CAFE - NIGHT",
            location: "INT. PIER CAFE",
            characters: [
                "TEDDY"
            ],
            script: [
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "We're closed, I'm afraid."
                }
            ]
        },
        {
            name: "THE PIER - LATER",
            location: "THE PIER",
            characters: [
                "McTavish",
                "ORLA",
                "TEDDY"
            ],
            script: [
                {
                    "character": [
                        "McTavish"
                    ],
                    "dialog": "Bulbs are out again, lad. Abel would never have stood for it."
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "I should let you get some sleep."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "You could stay for one song."
                }
            ]
        },
        {
            name: "INT. CONCERT HALL - NIGHT",
            location: "INT. CONCERT HALL",
            characters: [
                "TEDDY"
            ],
            script: [
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "Light the lamps along the quay, love, and I'll find my way to you."
                }
            ]
        },
        {
            name: "INT. ORLA'S ROOM - DAWN",
            location: "INT. ORLA'S ROOM",
            characters: [],
            script: []
        },
        {
            name: "INTERCUT - ORLA'S ROOM / PIER CAFE",
            location: "INTERCUT",
            characters: [
                "TEDDY",
                "ORLA"
            ],
            script: [
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "Pier Cafe, we're closed."
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "It's me. Did you ever play the Winter Gardens again?"
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "Once. Half the seats were empty. Why?"
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "I dreamt they were all full. And I was married."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "To who?"
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "I woke up before the interval."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "What's really wrong?"
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "They're emptying the lighthouse this morning. I can't go up there on my own. I've spent ten years telling myself I could. Will you come with me?"
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "I'll bring the good coffee."
                }
            ]
        },
        {
            name: "EXT. LIGHTHOUSE - DAY",
            location: "EXT. LIGHTHOUSE",
            characters: [
                "MAN #2",
                "ORLA"
            ],
            script: [
                {
                    "character": [
                        "MAN #2"
                    ],
                    "dialog": "Mind the step. This thing's older than both of us put together."
                },
                {
                    "character": [
                        "ORLA (V.O.)"
                    ],
                    "dialog": "My father used to say a lamp isn't for the people who can already see. It's for the ones still out there."
                }
            ]
        },
        {
            name: "EXT. HARBOUR WALL - DAY",
            location: "EXT. HARBOUR WALL",
            characters: [
                "TEDDY",
                "ORLA"
            ],
            script: [
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "The council will have that down by Friday."
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "Then somebody else can light it on Saturday."
                },
                {
                    "character": [
                        "TEDDY"
                    ],
                    "dialog": "Are you staying?"
                },
                {
                    "character": [
                        "ORLA"
                    ],
                    "dialog": "Ask me again tomorrow."
                }
            ]
        },
    ]
};
