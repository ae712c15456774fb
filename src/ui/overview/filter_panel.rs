//! Narrowing the overview to hospitals that gave certain answers: pick an item and one of its
//! choices, add it as a condition, remove conditions one by one.

use leptos::prelude::*;

use super::overview_state::OverviewState;
use crate::overview::FilterCondition;
use crate::survey::Item;

fn label_of(item: &Item) -> String {
    format!("{} {}", item.number, item.text)
}

#[component]
pub fn FilterPanel(state: OverviewState) -> impl IntoView {
    let survey = state.survey;
    let choice_items: Vec<&'static Item> = survey
        .items()
        .filter(|item| !item.choices().is_empty())
        .collect();
    let first = choice_items
        .first()
        .map(|item| item.id.clone())
        .unwrap_or_default();
    let chosen_item = RwSignal::new(first);
    let chosen_choice = RwSignal::new(0usize);
    let item_of = move |id: &str| survey.items().find(|item| item.id == id);

    let add = move |_| {
        let Some(item) = chosen_item.with(|id| item_of(id)) else {
            return;
        };
        if let Some(choice) = item.choices().get(chosen_choice.get()) {
            state.add_condition(FilterCondition {
                item: item.id.clone(),
                choice: choice.clone(),
            });
        }
    };
    let item_options = choice_items
        .iter()
        .map(|item| view! { <option value=item.id.as_str()>{label_of(item)}</option> })
        .collect_view();
    let choice_options = move || {
        chosen_item.with(|id| item_of(id)).map(|item| {
            item.choices()
                .iter()
                .enumerate()
                .map(|(index, choice)| {
                    view! { <option value=index.to_string()>{choice.as_str()}</option> }
                })
                .collect_view()
        })
    };
    let active = move || {
        state
            .conditions
            .get()
            .into_iter()
            .map(|condition| {
                let number = item_of(&condition.item)
                    .map(|item| item.number.clone())
                    .unwrap_or_else(|| condition.item.clone());
                let text = format!("{number} が「{}」", condition.choice);
                let remove_label = format!("条件「{text}」を解除");
                view! {
                    <li>
                        <span>{text}</span>
                        " "
                        <button
                            type="button"
                            class="button-link"
                            aria-label=remove_label
                            on:click=move |_| state.remove_condition(&condition)
                        >
                            "解除"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let counts = move || {
        let filter = state.filter();
        state.with_collection(|collection| match filter {
            Ok(filter) if filter.is_everyone() => {
                format!(
                    "条件なし：{}病院すべてを集計しています。",
                    collection.hospitals().len()
                )
            }
            Ok(filter) => format!(
                "{}病院のうち、条件に合う{}病院を集計しています。",
                collection.hospitals().len(),
                collection.matching(&filter).len()
            ),
            Err(error) => error.to_string(),
        })
    };

    view! {
        <section class="filter-panel" aria-labelledby="filter-heading">
            <h2 id="filter-heading">"回答で絞り込む"</h2>
            <div class="filter-form">
                <div class="filter-field">
                    <label for="filter-item">"設問"</label>
                    <select
                        id="filter-item"
                        on:change:target=move |ev| {
                            chosen_item.set(ev.target().value());
                            chosen_choice.set(0);
                        }
                    >
                        {item_options}
                    </select>
                </div>
                <div class="filter-field">
                    <label for="filter-choice">"回答"</label>
                    <select
                        id="filter-choice"
                        prop:value=move || chosen_choice.get().to_string()
                        on:change:target=move |ev| {
                            chosen_choice.set(ev.target().value().parse().unwrap_or(0));
                        }
                    >
                        {choice_options}
                    </select>
                </div>
                <button type="button" class="button button-secondary" on:click=add>
                    "条件に加える"
                </button>
            </div>
            <Show when=move || !state.conditions.with(Vec::is_empty)>
                <ul class="filter-conditions" aria-label="絞り込みの条件">{active}</ul>
                <button type="button" class="button-link" on:click=move |_| state.conditions.set(Vec::new())>
                    "条件をすべて解除"
                </button>
            </Show>
            <p class="table-note">
                "同じ設問の条件はいずれかに合えばよく（または）、異なる設問の条件はすべてに合う（かつ）病院を集計します。"
            </p>
            <p class="filter-count" role="status" aria-live="polite">{counts}</p>
        </section>
    }
}
