/// Held-out paraphrases of the built-in commands, written fresh for issue 12 by someone who did not read the
/// templates first (same line format as ``textGoldenCases``; a question about new messages reads them out, as the
/// golden set defines it). Nothing may be tuned on them: they measure how far
/// understanding generalises, and a template added to make one of them pass would defeat their purpose.
/// Live state: albums Trip, Family, Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
let heldOutParaphrases = #"""
# --- Settings
could you make the screen a bit brighter | settings.adjust_level level=brightness direction=up
put the volume at 30 percent | settings.set_level level=volume percent=30
I want bluetooth switched off | settings.set_toggle toggle=bluetooth on=false
is wifi on right now | settings.get_toggle toggle=wifi
how loud is the phone | settings.get_level level=volume
kill the wifi | settings.set_toggle toggle=wifi on=false
enable flight mode please | settings.set_toggle toggle=airplane_mode on=true
dim the screen | settings.adjust_level level=brightness direction=down
set brightness to seventy | settings.set_level level=brightness percent=70
what's my screen brightness at | settings.get_level level=brightness
lower the volume | settings.adjust_level level=volume direction=down
turn dark mode off | settings.set_toggle toggle=dark_mode on=false
show me all the settings | settings.show_settings
crank the volume up | settings.adjust_level level=volume direction=up
switch bluetooth back on | settings.set_toggle toggle=bluetooth on=true
how bright is the screen | settings.get_level level=brightness
# --- Clock
wake me at 7 tomorrow morning | clock.set_alarm time="07:00"
I need an alarm for 5:45 am | clock.set_alarm time="05:45"
set an alarm for half past six called gym | clock.set_alarm time="06:30" label=gym
remind me in 20 minutes | clock.set_timer duration=1200
start a 5 minute timer | clock.set_timer duration=300
time me for 90 seconds | clock.set_timer duration=90
what timers do I have running | clock.list_timers
which alarms are set | clock.list_alarms
cancel my 6:30 alarm | clock.cancel_alarm time="06:30"
stop the timer | clock.cancel_timer
get rid of all my alarms | clock.cancel_all_alarms
set a timer for an hour | clock.set_timer duration=3600
how much time is left on my timers | clock.list_timers
# --- Messages
text Bob Jones that I'm on my way | messages.send_message to="Bob Jones" body="I'm on my way"
send mom a message saying call me back | messages.send_message to=Mom body="call me back"
message Anna Smith hello there | messages.send_message to="Anna Smith" body="hello there"
do I have any unread messages | messages.read_messages unread_only=true
read my messages | messages.read_messages
how many unread texts from Bob Jones | messages.count_unread from="Bob Jones"
read the messages from Anna Smith | messages.read_messages from="Anna Smith"
add a contact called Lisa Park | messages.add_contact name="Lisa Park"
who are my contacts | messages.list_contacts
new contact Tom Lee | messages.add_contact name="Tom Lee"
# --- Photos
show me pictures from yesterday | photos.search_media when=yesterday kind=photo
find my videos from last month | photos.search_media kind=video when=last_month
open my favourites | photos.search_media favorites=true
make a new album named Birthday | photos.create_album name=Birthday
what albums do I have | photos.list_albums
rename the Cats album to Kittens | photos.rename_album album=Cats new_name=Kittens
add the newest 3 photos to Family | photos.add_to_album album=Family latest=3 kind=photo
mark yesterday's pictures as favorites | photos.favorite_photos when=yesterday kind=photo
delete the videos from last week | photos.delete_photos when=last_week kind=video
show me what's in recently deleted | photos.search_media recently_deleted=true
bring back my deleted photos | photos.recover_photos
empty the trash | photos.empty_recently_deleted
show blue photos | photos.search_media label=blue kind=photo
remove the album Cats | photos.delete_album album=Cats
show me photos in the Trip album | photos.search_media album=Trip kind=photo
# --- Camera
snap a picture | camera.take_photo
take a photo and put it in Family | camera.take_photo album=Family
record a 30 second video | camera.record_clip duration=30
film a clip for one minute | camera.record_clip duration=60
what is the camera doing | camera.get_status
use ~/Movies/beach.mp4 as the camera source | camera.set_source path="~/Movies/beach.mp4"
# --- Not commands: nothing may be dispatched
what's the weather like in Paris | -
tell me a joke | -
I love this song | -
open the fridge | -
book a table for two at seven | -
"""#
