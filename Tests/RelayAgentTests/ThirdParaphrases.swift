/// The third test set (issue 13), written for this session by someone who read only the actions' names, parameters and
/// descriptions (`relay actions` without its example sentences) and never the templates: 393 commands over every action
/// `relay say` knows (the built-in apps, the sample Notes plugin, undo and redo), several phrasings each, and 100
/// non-commands (questions, chit-chat, requests Relay can't do, statements about the phone). Same line format as
/// ``textGoldenCases``. Live state: albums Trip, Family, Vacation 2024, Cats, Wedding; contacts Anna Smith, Bob Jones,
/// Mom, Dr. Patel; notebooks Ideas, Recipes, Shopping, Travel, Work.
///
/// It was measured once from outside the repository before anyone read its cases (2 December 2026: 256/393 right,
/// 53 misread, 7 of 100 non-commands dispatched); since then its failures have been read, so it is a development set
/// like the others. A fresh set is measured the same way with `RELAY_HOLDOUT_SET=FILE`.
let thirdParaphrases = #"""
# Third held-out test set for Relay (written from actions.txt, tools.json and FORMAT.md only)
# Live state: albums Trip, Family, Vacation 2024, Cats, Wedding; contacts Anna Smith, Bob Jones, Mom, Dr. Patel

# --- Camera
use /home/me/videos/street.mp4 as the camera source | camera.set_source path="/home/me/videos/street.mp4"
point the camera at ~/Movies/aquarium.mov | camera.set_source path="~/Movies/aquarium.mov"
can you make the camera film /data/clips/traffic.mp4 starting at 30 seconds | camera.set_source path="/data/clips/traffic.mp4" start=30
switch the camera feed to beach.jpg please | camera.set_source path="beach.jpg"
set the camera's source to /tmp/demo.mp4 and start it 2 minutes in | camera.set_source path="/tmp/demo.mp4" start=120
um, have the camera play /media/usb/birds.mp4 from 90 seconds | camera.set_source path="/media/usb/birds.mp4" start=90
take a picture | camera.take_photo
snap a photo | camera.take_photo
take a pic and put it in Cats | camera.take_photo album=Cats
could you take a photo for me please | camera.take_photo
grab a quick photo and save it to the Family album | camera.take_photo album=Family
take a photo and add it to vacation 2024 | camera.take_photo album="Vacation 2024"
capture a still from the camera | camera.take_photo
shoot a photo now and file it under Wedding | camera.take_photo album=Wedding
record a video | camera.record_clip
record a 30 second clip | camera.record_clip duration=30
film for a minute | camera.record_clip duration=60
start recording for 45 secs and put it in the Wedding album | camera.record_clip duration=45 album=Wedding
can you record a two minute video | camera.record_clip duration=120
record a clip into Trip | camera.record_clip album=Trip
take a 15-second video | camera.record_clip duration=15
capture video for five minutes | camera.record_clip duration=300
what's the camera pointed at? | camera.get_status
camera status | camera.get_status
which file is the camera using right now | camera.get_status
how many photos and clips has the camera made so far? | camera.get_status
what time is it on the camera feed | camera.get_status
is the camera filming a video or an image at the moment? | camera.get_status

# --- Clock
wake me up at 6:15 | clock.set_alarm time="06:15"
I need to be up at 6 | clock.set_alarm time="06:00"
set an alarm for quarter past seven tomorrow morning | clock.set_alarm time="07:15"
alarm at 5:30am please | clock.set_alarm time="05:30"
set an alarm for 10pm called meds | clock.set_alarm time="22:00" label=meds
can you set a gym alarm for 6 a.m. on weekdays | clock.set_alarm time="06:00" label=gym repeat=weekdays
wake me at half six | clock.set_alarm time="06:30"
set an alarm for 7am every day | clock.set_alarm time="07:00" repeat=daily
set a weekend alarm for nine thirty in the morning | clock.set_alarm time="09:30" repeat=weekends
alarm for 18:45 | clock.set_alarm time="18:45"
please set an alarm at noon labelled lunch | clock.set_alarm time="12:00" label=lunch
set an alarm for midnight | clock.set_alarm time="00:00"
I have to get up at 4:45 tomorrow, set an alarm | clock.set_alarm time="04:45"
um could you wake me up at ten to eight | clock.set_alarm time="07:50"
set alarm 8:05 am | clock.set_alarm time="08:05"
new alarm at 3:20 pm named pick up kids | clock.set_alarm time="15:20" label="pick up kids"
wake me up at 7 on weekdays | clock.set_alarm time="07:00" repeat=weekdays
set an alarm for twenty past six in the evening | clock.set_alarm time="18:20"
alarm at 11.30pm please | clock.set_alarm time="23:30"
get me up at 6:40 every morning | clock.set_alarm time="06:40" repeat=daily
set an alrm for 7:10 am | clock.set_alarm time="07:10"
I'd like an alarm at 8am on Saturdays and Sundays | clock.set_alarm time="08:00" repeat=weekends
what alarms do I have | clock.list_alarms
show me my alarms | clock.list_alarms
list the alarms | clock.list_alarms
which alarms are set? | clock.list_alarms
did I set an alarm for tomorrow? | clock.list_alarms
any alarms on? | clock.list_alarms
can you read out my alarms | clock.list_alarms
cancel my 7am alarm | clock.cancel_alarm time="07:00"
get rid of the gym alarm | clock.cancel_alarm label=gym
delete the 6:30 am alarm | clock.cancel_alarm time="06:30"
I don't need the 5:45 morning alarm anymore | clock.cancel_alarm time="05:45"
cancel the alarm called meds | clock.cancel_alarm label=meds
remove the 10 pm alarm | clock.cancel_alarm time="22:00"
cancel my alarm | clock.cancel_alarm
scrap the lunch alarm | clock.cancel_alarm label=lunch
please cancel the alarm set for quarter to seven in the morning | clock.cancel_alarm time="06:45"
cancel all my alarms | clock.cancel_all_alarms
delete every alarm | clock.cancel_all_alarms
clear all of the alarms please | clock.cancel_all_alarms
get rid of all my alarms, I'm on holiday | clock.cancel_all_alarms
remove every single alarm I have set | clock.cancel_all_alarms
wipe out all alarms | clock.cancel_all_alarms
set a timer for 10 minutes | clock.set_timer duration=600
timer 90 seconds | clock.set_timer duration=90
half an hour timer please | clock.set_timer duration=1800
start a pasta timer for 12 minutes | clock.set_timer duration=720 label=pasta
countdown 5 min | clock.set_timer duration=300
set a timer for an hour and a half called bread | clock.set_timer duration=5400 label=bread
can you time 3 minutes for me | clock.set_timer duration=180
set a 45 minute timer | clock.set_timer duration=2700
timer for two and a half minutes | clock.set_timer duration=150
20 second timer | clock.set_timer duration=20
set a timer for 1 hour 15 minutes | clock.set_timer duration=4500
set a laundry timer for a quarter of an hour | clock.set_timer duration=900 label=laundry
set a timmer for 8 mins | clock.set_timer duration=480
I need a timer for 2 hours | clock.set_timer duration=7200
start a timer: 25 minutes, label it focus | clock.set_timer duration=1500 label=focus
set a 6 minute timer named eggs | clock.set_timer duration=360 label=eggs
how much time is left on my timer? | clock.list_timers
show my timers | clock.list_timers
what timers are running | clock.list_timers
how long until the pasta timer goes off | clock.list_timers
list timers | clock.list_timers
any timers going? | clock.list_timers
cancel the timer | clock.cancel_timer
stop the pasta timer | clock.cancel_timer label=pasta
kill all the timers | clock.cancel_timer
never mind the laundry timer, cancel it | clock.cancel_timer label=laundry
cancel my timers | clock.cancel_timer
delete the timer called bread | clock.cancel_timer label=bread
stop the countdown | clock.cancel_timer
cancel the eggs timer | clock.cancel_timer label=eggs

# --- Messages
text Anna I'm running late | messages.send_message to="Anna Smith" body="I'm running late"
send a message to Bob saying see you at the pub at 8 | messages.send_message to="Bob Jones" body="see you at the pub at 8"
message Mom: happy birthday! | messages.send_message to=Mom body="happy birthday"
tell Dr. Patel I need to reschedule my appointment | messages.send_message to="Dr. Patel" body="I need to reschedule my appointment"
text my mum: landed safely, love you | messages.send_message to=Mom body="landed safely, love you"
send Bob a text: don't forget the tickets | messages.send_message to="Bob Jones" body="don't forget the tickets"
shoot Anna a message saying are we still on for lunch? | messages.send_message to="Anna Smith" body="are we still on for lunch"
please send "on my way" to Anna Smith | messages.send_message to="Anna Smith" body="on my way"
text dr patel "running 10 minutes behind" | messages.send_message to="Dr. Patel" body="running 10 minutes behind"
msg bob: call me when you're free | messages.send_message to="Bob Jones" body="call me when you're free"
write to Mom saying I'll be home for dinner | messages.send_message to=Mom body="I'll be home for dinner"
could you let Anna know I'm outside | messages.send_message to="Anna Smith" body="I'm outside"
send mom a message that says thanks for the cookies | messages.send_message to=Mom body="thanks for the cookies"
text Bob Jones ok sounds good | messages.send_message to="Bob Jones" body="ok sounds good"
um, send a text to Anna, say good luck today | messages.send_message to="Anna Smith" body="good luck today"
reply to Bob with no worries | messages.send_message to="Bob Jones" body="no worries"
read my messages | messages.read_messages
read me Anna's texts | messages.read_messages from="Anna Smith"
any new messages? | messages.read_messages unread_only=true
read my unread texts | messages.read_messages unread_only=true
read the last 3 messages from Bob | messages.read_messages from="Bob Jones" limit=3
what did mom text me? | messages.read_messages from=Mom
do I have any new texts from Dr. Patel? | messages.read_messages from="Dr. Patel" unread_only=true
show me my 10 most recent messages | messages.read_messages limit=10
read out the unread messages from Anna | messages.read_messages from="Anna Smith" unread_only=true
got any new messages for me? | messages.read_messages unread_only=true
read me the last 2 texts from mum | messages.read_messages from=Mom limit=2
how many unread messages do I have | messages.count_unread
how many texts haven't I read yet? | messages.count_unread
how many unread from Anna | messages.count_unread from="Anna Smith"
count my unread messages | messages.count_unread
number of unread messages from mom? | messages.count_unread from=Mom
how many messages from Bob are still unread | messages.count_unread from="Bob Jones"
what's my unread count | messages.count_unread
add a contact named Carlos Ruiz with number 555-0123 | messages.add_contact name="Carlos Ruiz" phone="555-0123"
save Jenny Lee's number, it's 07700 900123 | messages.add_contact name="Jenny Lee" phone="07700 900123"
new contact: Priya Shah | messages.add_contact name="Priya Shah"
add Tom Baker to my contacts | messages.add_contact name="Tom Baker"
create a contact for Lucia Moreno, phone +34 612 345 678 | messages.add_contact name="Lucia Moreno" phone="+34 612 345 678"
please add Sam Okafor, number 415 555 0199, to contacts | messages.add_contact name="Sam Okafor" phone="415 555 0199"
add a new contact called Grandma | messages.add_contact name=Grandma
show my contacts | messages.list_contacts
who's in my address book? | messages.list_contacts
list everyone in my contacts | messages.list_contacts
read out my contact list | messages.list_contacts
what contacts do I have saved | messages.list_contacts
open contacts | messages.list_contacts

# --- Photos
import ~/Downloads/beach.jpg | photos.import_media path="~/Downloads/beach.jpg"
import everything in /media/sdcard/DCIM | photos.import_media path="/media/sdcard/DCIM"
add the photos from /home/me/Pictures/Holiday to the library and put them in Trip | photos.import_media path="/home/me/Pictures/Holiday" album=Trip
import /videos/party.mp4 and keep a copy in the library | photos.import_media path="/videos/party.mp4" copy=true
import 20 seconds of /videos/party.mp4 starting at 45 seconds | photos.import_media path="/videos/party.mp4" start=45 duration=20
bring in the folder /Users/kim/Desktop/scans | photos.import_media path="/Users/kim/Desktop/scans"
please import /mnt/camera/IMG_0042.JPG into the Wedding album | photos.import_media path="/mnt/camera/IMG_0042.JPG" album=Wedding
import a clip from ~/Movies/graduation.mov, from the 2 minute mark, 30 seconds long | photos.import_media path="~/Movies/graduation.mov" start=120 duration=30
import /data/cats, copying the files into the library, and add them to Cats | photos.import_media path="/data/cats" copy=true album=Cats
show me photos from yesterday | photos.search_media when=yesterday kind=photo
what did I shoot last week? | photos.search_media when=last_week
find my videos from March | photos.search_media when=march kind=video
show my favourites | photos.search_media favorites=true
show me my favorite videos | photos.search_media favorites=true kind=video
what's in the Cats album? | photos.search_media album=Cats
open the Wedding album | photos.search_media album=Wedding
find blue pictures | photos.search_media label=blue kind=photo
search for landscape photos from this month | photos.search_media label=landscape kind=photo when=this_month
what's in recently deleted | photos.search_media recently_deleted=true
show me the 5 newest videos | photos.search_media kind=video limit=5
any pics from monday? | photos.search_media when=monday kind=photo
find everything I took today | photos.search_media when=today
show photos from the last 3 days | photos.search_media when=last_3_days kind=photo
pull up videos from two days ago | photos.search_media when=2_days_ago kind=video
show me everything labelled portrait | photos.search_media label=portrait
find my favourite photos from last month | photos.search_media favorites=true kind=photo when=last_month
search the Trip album for videos | photos.search_media album=Trip kind=video
what did I take on March 3rd | photos.search_media when=march_3
show me the 10 most recent things in the Family album | photos.search_media album=Family limit=10
look for red images in Vacation 2024 | photos.search_media label=red kind=photo album="Vacation 2024"
show everything from this week | photos.search_media when=this_week
list my albums | photos.list_albums
what albums do I have? | photos.list_albums
show all albums | photos.list_albums
how many photos are in each album | photos.list_albums
which albums have I got | photos.list_albums
albums? | photos.list_albums
make a new album called Dogs | photos.create_album name=Dogs
create an album named Road Trip | photos.create_album name="Road Trip"
new album: Birthday 2025 | photos.create_album name="Birthday 2025"
start an album called Summer Holiday | photos.create_album name="Summer Holiday"
can you create a photo album Garden | photos.create_album name=Garden
I'd like an album named Baby Photos | photos.create_album name="Baby Photos"
rename Trip to Road Trip 2023 | photos.rename_album album=Trip new_name="Road Trip 2023"
change the name of the Cats album to Kitties | photos.rename_album album=Cats new_name=Kitties
rename the album Vacation 2024 to Italy 2024 | photos.rename_album album="Vacation 2024" new_name="Italy 2024"
call the Family album Family & Friends instead | photos.rename_album album=Family new_name="Family & Friends"
can you rename wedding to Our Wedding | photos.rename_album album=Wedding new_name="Our Wedding"
change the album name from Trip to Japan | photos.rename_album album=Trip new_name=Japan
delete the Cats album | photos.delete_album album=Cats
remove the album called Trip (the photos can stay) | photos.delete_album album=Trip
get rid of the Wedding album | photos.delete_album album=Wedding
please delete my Vacation 2024 album | photos.delete_album album="Vacation 2024"
delete album Family | photos.delete_album album=Family
I don't need the Trip album anymore, delete it | photos.delete_album album=Trip
add this photo to Cats | photos.add_to_album album=Cats
put the last 5 pictures in Vacation 2024 | photos.add_to_album album="Vacation 2024" latest=5 kind=photo
add photo 23 to the wedding album | photos.add_to_album album=Wedding photo=23
put all of yesterday's videos into Family | photos.add_to_album album=Family when=yesterday kind=video all=true
add everything from last week to Trip | photos.add_to_album album=Trip when=last_week all=true
stick the latest picture in the Family album | photos.add_to_album album=Family
add the 3 most recent photos to Cats | photos.add_to_album album=Cats latest=3 kind=photo
can you add video 41 to Trip | photos.add_to_album album=Trip photo=41
add every photo from March to Vacation 2024 | photos.add_to_album album="Vacation 2024" when=march kind=photo all=true
put today's pics in the Wedding album | photos.add_to_album album=Wedding when=today kind=photo
add the newest 2 to Family | photos.add_to_album album=Family latest=2
include photo number 7 in the Cats album | photos.add_to_album album=Cats photo=7
put all of this week's photos into Trip | photos.add_to_album album=Trip when=this_week kind=photo all=true
save the last ten videos to the Wedding album | photos.add_to_album album=Wedding latest=10 kind=video
add everything I took on monday to Family | photos.add_to_album album=Family when=monday all=true
take photo 4 out of Cats | photos.remove_from_album album=Cats photo=4
remove the last 2 pictures from the Trip album | photos.remove_from_album album=Trip latest=2 kind=photo
remove this from Family | photos.remove_from_album album=Family
take all the videos out of the Wedding album | photos.remove_from_album album=Wedding kind=video all=true
remove yesterday's photos from Vacation 2024 | photos.remove_from_album album="Vacation 2024" when=yesterday kind=photo
delete photo 12 from the Family album but keep it in the library | photos.remove_from_album album=Family photo=12
pull the newest picture out of Trip | photos.remove_from_album album=Trip
remove everything from last month from the Cats album | photos.remove_from_album album=Cats when=last_month all=true
favourite this photo | photos.favorite_photos
mark photo 12 as a favorite | photos.favorite_photos photo=12
heart the newest 4 pics | photos.favorite_photos latest=4 kind=photo
add all of today's videos to favourites | photos.favorite_photos when=today kind=video all=true
favorite this | photos.favorite_photos
star every photo from last week | photos.favorite_photos when=last_week kind=photo all=true
love this one, make it a favourite | photos.favorite_photos
favorite video 8 | photos.favorite_photos photo=8
make the last 3 photos favorites | photos.favorite_photos latest=3 kind=photo
favourite yesterday's pictures | photos.favorite_photos when=yesterday kind=photo
can you favorite all the photos I took in March | photos.favorite_photos when=march kind=photo all=true
mark everything from the past 3 days as favourite | photos.favorite_photos when=last_3_days all=true
add picture 105 to my favourites | photos.favorite_photos photo=105
fave the latest one | photos.favorite_photos
unfavorite photo 9 | photos.unfavorite_photos photo=9
remove this from favourites | photos.unfavorite_photos
take the last picture out of my favorites | photos.unfavorite_photos
unstar all of last week's videos | photos.unfavorite_photos when=last_week kind=video all=true
un-favourite the newest 3 photos | photos.unfavorite_photos latest=3 kind=photo
remove photo 30 from favorites | photos.unfavorite_photos photo=30
I don't want yesterday's photos as favourites anymore | photos.unfavorite_photos when=yesterday kind=photo
unheart that video | photos.unfavorite_photos
delete this photo | photos.delete_photos
delete photo 7 | photos.delete_photos photo=7
get rid of the last 3 pictures | photos.delete_photos latest=3 kind=photo
delete all videos from last week | photos.delete_photos when=last_week kind=video all=true
erase everything from yesterday | photos.delete_photos when=yesterday all=true
bin the latest picture | photos.delete_photos
trash photo number 56 | photos.delete_photos photo=56
delete the 5 most recent videos | photos.delete_photos latest=5 kind=video
remove all the pictures I took today from my library | photos.delete_photos when=today kind=photo all=true
delete every photo from March | photos.delete_photos when=march kind=photo all=true
can you delete video 19 | photos.delete_photos photo=19
delete today's videos | photos.delete_photos when=today kind=video
delete the last ten items | photos.delete_photos latest=10
chuck out all the photos from two days ago | photos.delete_photos when=2_days_ago kind=photo all=true
recover photo 15 | photos.recover_photos photo=15
restore everything in recently deleted | photos.recover_photos
bring back all my deleted photos and videos | photos.recover_photos
undelete photo 22 | photos.recover_photos photo=22
recover all the recently deleted items | photos.recover_photos
can you restore video 3 from recently deleted | photos.recover_photos photo=3
get everything back out of Recently Deleted please | photos.recover_photos
empty the recently deleted folder | photos.empty_recently_deleted
permanently delete everything in recently deleted | photos.empty_recently_deleted
clear out recently deleted for good | photos.empty_recently_deleted
empty the photo trash | photos.empty_recently_deleted
wipe recently deleted, I don't need any of it | photos.empty_recently_deleted
purge Recently Deleted permanently | photos.empty_recently_deleted

# --- Settings
turn on wifi | settings.set_toggle toggle=wifi on=true
switch off bluetooth | settings.set_toggle toggle=bluetooth on=false
enable do not disturb | settings.set_toggle toggle=do_not_disturb on=true
put the phone in airplane mode | settings.set_toggle toggle=airplane_mode on=true
aeroplane mode on please | settings.set_toggle toggle=airplane_mode on=true
disable dark mode | settings.set_toggle toggle=dark_mode on=false
wi-fi off | settings.set_toggle toggle=wifi on=false
turn bluetooth on | settings.set_toggle toggle=bluetooth on=true
can you turn dark mode on | settings.set_toggle toggle=dark_mode on=true
DND off | settings.set_toggle toggle=do_not_disturb on=false
switch on flight mode | settings.set_toggle toggle=airplane_mode on=true
get me out of airplane mode | settings.set_toggle toggle=airplane_mode on=false
kill the wifi | settings.set_toggle toggle=wifi on=false
turn off do not disturb please | settings.set_toggle toggle=do_not_disturb on=false
enable bluetooth, I want to use my headphones | settings.set_toggle toggle=bluetooth on=true
switch to dark mode | settings.set_toggle toggle=dark_mode on=true
switch back to light mode | settings.set_toggle toggle=dark_mode on=false
turn the wifi back on | settings.set_toggle toggle=wifi on=true
take the phone off airplane mode | settings.set_toggle toggle=airplane_mode on=false
I'd like do not disturb on until further notice | settings.set_toggle toggle=do_not_disturb on=true
turn WiFi on pls | settings.set_toggle toggle=wifi on=true
switch bluetoth off now | settings.set_toggle toggle=bluetooth on=false
toggle wifi | settings.flip_toggle toggle=wifi
toggle dark mode | settings.flip_toggle toggle=dark_mode
flip airplane mode | settings.flip_toggle toggle=airplane_mode
toggle bluetooth please | settings.flip_toggle toggle=bluetooth
toggle do not disturb | settings.flip_toggle toggle=do_not_disturb
flip the bluetooth setting | settings.flip_toggle toggle=bluetooth
switch dark mode to the opposite of whatever it is now | settings.flip_toggle toggle=dark_mode
is wifi on? | settings.get_toggle toggle=wifi
is bluetooth enabled | settings.get_toggle toggle=bluetooth
am I in airplane mode? | settings.get_toggle toggle=airplane_mode
is do not disturb active right now | settings.get_toggle toggle=do_not_disturb
is dark mode switched on? | settings.get_toggle toggle=dark_mode
check if wi-fi is turned on | settings.get_toggle toggle=wifi
is my bluetooth off? | settings.get_toggle toggle=bluetooth
is DND on | settings.get_toggle toggle=do_not_disturb
is flight mode enabled | settings.get_toggle toggle=airplane_mode
set brightness to 50% | settings.set_level level=brightness percent=50
volume to 30 | settings.set_level level=volume percent=30
crank the volume to 100 percent | settings.set_level level=volume percent=100
put brightness at seventy five percent | settings.set_level level=brightness percent=75
set the volume to zero | settings.set_level level=volume percent=0
screen brightness 20 percent please | settings.set_level level=brightness percent=20
make the volume 65% | settings.set_level level=volume percent=65
can you set brightness to a hundred | settings.set_level level=brightness percent=100
change the volume level to 40 | settings.set_level level=volume percent=40
brightness: 5% | settings.set_level level=brightness percent=5
set the volume at half | settings.set_level level=volume percent=50
turn the volume up | settings.adjust_level level=volume direction=up
louder please | settings.adjust_level level=volume direction=up
make the screen brighter | settings.adjust_level level=brightness direction=up
dim the screen a bit | settings.adjust_level level=brightness direction=down
lower the volume by 20% | settings.adjust_level level=volume direction=down step=20
crank the volume up 30 percent | settings.adjust_level level=volume direction=up step=30
bump brightness up by 5 | settings.adjust_level level=brightness direction=up step=5
turn the volume down | settings.adjust_level level=volume direction=down
quieter | settings.adjust_level level=volume direction=down
decrease brightness by fifteen percent | settings.adjust_level level=brightness direction=down step=15
raise the volume a little | settings.adjust_level level=volume direction=up
the screen should be darker, lower the brightness | settings.adjust_level level=brightness direction=down
increase brightness 25 percent | settings.adjust_level level=brightness direction=up step=25
can you make it louder by 5 percent | settings.adjust_level level=volume direction=up step=5
what's the volume at | settings.get_level level=volume
how bright is the screen? | settings.get_level level=brightness
what's my brightness level | settings.get_level level=brightness
current volume? | settings.get_level level=volume
what percent is the volume set to | settings.get_level level=volume
tell me the brightness | settings.get_level level=brightness
how loud is my phone set | settings.get_level level=volume
show me all settings | settings.show_settings
what are my settings | settings.show_settings
give me an overview of the settings | settings.show_settings
list all the settings | settings.show_settings
what's everything set to in settings? | settings.show_settings
settings summary please | settings.show_settings

# --- Notes
create a notebook called Recipes | notes.create_notebook name=Recipes
new notebook: Work Ideas | notes.create_notebook name="Work Ideas"
make a notebook named Travel | notes.create_notebook name=Travel
can you start a new notebook called Gift Ideas | notes.create_notebook name="Gift Ideas"
add a notebook called Journal | notes.create_notebook name=Journal
I want a new notebook, name it Books | notes.create_notebook name=Books
note: buy milk | notes.add_note text="buy milk"
add a note to Recipes saying use less salt in the soup | notes.add_note text="use less salt in the soup" notebook=Recipes
write down: call the plumber on Tuesday | notes.add_note text="call the plumber on Tuesday"
make a note: parking spot is level 3 B | notes.add_note text="parking spot is level 3 B"
put a note in my Shopping notebook: eggs, bread, butter | notes.add_note text="eggs, bread, butter" notebook=Shopping
take a note saying the wifi password is fish123 | notes.add_note text="the wifi password is fish123"
add to my Work notebook: send the report by Friday | notes.add_note text="send the report by Friday" notebook=Work
jot this down: Anna's birthday is June 4th | notes.add_note text="Anna's birthday is June 4th"
new note "pick up dry cleaning" | notes.add_note text="pick up dry cleaning"
save a note in Ideas: an app that waters plants | notes.add_note text="an app that waters plants" notebook=Ideas
show my notes | notes.list_notes
what's in the Shopping notebook | notes.list_notes notebook=Shopping
show me yesterday's notes | notes.list_notes when=yesterday
what did I write in Work last week | notes.list_notes notebook=Work when=last_week
list all my notes | notes.list_notes
read me my notes from today | notes.list_notes when=today
show the notes in Recipes | notes.list_notes notebook=Recipes
what notes did I make this month | notes.list_notes when=this_month
delete the Shopping notebook | notes.delete_notebook notebook=Shopping
remove the notebook Work and everything in it | notes.delete_notebook notebook=Work
get rid of my Travel notebook | notes.delete_notebook notebook=Travel
please delete notebook Ideas with all its notes | notes.delete_notebook notebook=Ideas
I'm done with the Recipes notebook, delete it | notes.delete_notebook notebook=Recipes

# --- Relay
undo | relay.undo
undo that | relay.undo
take that back | relay.undo
oops, undo the last thing | relay.undo
revert what you just did | relay.undo
can you undo my last command | relay.undo
no wait, undo it | relay.undo
redo | relay.redo
redo that | relay.redo
redo what you just undid | relay.redo
redo the last thing you undid | relay.redo
please redo | relay.redo

# --- Non-commands: questions about the world
what's the capital of Australia? | -
who won the world cup in 2018 | -
how tall is mount everest | -
how many days until christmas | -
what's 15 percent of 80 | -
how do you say thank you in Japanese | -
why is the sky blue | -
who painted the Mona Lisa | -
what year did the Berlin wall fall | -
how many ounces are in a pound | -
what's the population of Canada | -
when was the first iPhone released | -
what does DND stand for | -
what does airplane mode actually do | -
how do digital cameras work | -
what time is it in Tokyo right now | -
is it bad to sleep with the wifi on? | -
should I delete old photos to save space? | -
how do I turn on bluetooth in my car stereo | -
what's a good time to set an alarm for a power nap? | -
how many photos can a phone usually hold? | -

# --- Non-commands: chit-chat
hi there | -
thanks, that's all | -
how are you today? | -
tell me a joke | -
you're the best | -
what's your name | -
I'm bored | -
lol | -
ok cool | -
do you like cats? | -
happy new year! | -
good morning to you too | -

# --- Non-commands: things the phone cannot do here
book me a taxi to the airport | -
post this photo to instagram | -
call Mom | -
ring Dr. Patel's office | -
play some music | -
play my workout playlist | -
what's the weather like tomorrow | -
will it rain today? | -
order a pizza | -
navigate to the nearest petrol station | -
email the wedding photos to Anna | -
facetime Bob | -
translate this into Spanish | -
open YouTube | -
turn on the flashlight | -
turn on the living room lights | -
what's on my calendar tomorrow | -
edit this photo to remove red eye | -
print the photos from the trip | -
share the Cats album with Bob | -
back up my photos to the cloud | -
turn on location services | -
turn on my hotspot | -
check my email | -
how many steps did I walk today | -

# --- Non-commands: statements that mention the phone's domains
my alarm didn't go off this morning | -
the wifi at work is terrible | -
I took so many photos at the wedding | -
Anna texted me earlier about dinner | -
I hate waking up at 6am | -
my bluetooth headphones keep disconnecting | -
the volume button on my phone is broken | -
I left the oven timer running at home | -
our cat knocked over the christmas tree | -
we had an amazing trip to Italy last year | -
my family is visiting next weekend | -
I never use dark mode | -
Bob still owes me twenty quid | -
that photo of the sunset was gorgeous | -
my mom loves getting texts from me | -
Dr. Patel said my blood pressure is fine | -
I deleted the wrong photo once and lost it forever | -
my sister's wedding was in March | -
I just got a new phone | -
airplane food is terrible | -
my notebook is full of doodles | -
the last photo I took is blurry | -
I set five alarms and still overslept | -
I'll be home in half an hour | -
I have a meeting at 3pm | -
it's my mom's birthday tomorrow | -
the cafe downstairs has free wifi | -
my messages have been really slow lately | -
I love the photos from our vacation | -
I took that video on Monday | -

# --- Non-commands: descriptions of the phone's state
my phone is in airplane mode right now | -
bluetooth is already on | -
the volume is at 40 percent | -
do not disturb is on | -
dark mode is enabled on my phone | -
the screen brightness is at max | -
I have three alarms set for tomorrow | -
there's a timer running for the pasta | -
I have 5 unread messages | -
my camera is pointing at the window | -
there are 200 photos in recently deleted | -
the Cats album has 50 pictures in it | -
"""#
